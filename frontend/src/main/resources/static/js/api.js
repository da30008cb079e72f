// The only module that talks to the server: every call of the public REST API goes through here. The browser
// is authenticated by its session cookie (opened at /login with an API key); requests that change something carry
// the CSRF token from the XSRF-TOKEN cookie in the X-XSRF-TOKEN header (requestHeaders()). A 401 means the
// session ended (logout, expiry, revoked key): the page goes to the login form.

const BASE = '/api/v1';

/** A failed call: the HTTP status (0 when the server could not be reached) and the RFC 9457 problem. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title || (status ? `HTTP ${status}` : 'Network error');
    this.detail = problem.detail || '';
    this.type = problem.type || '';
  }
}

/** The CSRF token the server left in the XSRF-TOKEN cookie, or ''. */
function csrfToken() {
  const cookie = document.cookie.split('; ').find((part) => part.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

/** Headers carrying the CSRF token, for requests that change something. */
export function csrfHeaders(extra = {}) {
  const token = csrfToken();
  return token ? { 'X-XSRF-TOKEN': token, ...extra } : { ...extra };
}

/** Headers sent with every request: what the UI accepts, and the CSRF token. */
function requestHeaders(extra = {}) {
  return csrfHeaders({ Accept: 'application/json, application/problem+json', ...extra });
}

/** Leaves for the login page when the session is gone. */
function toLogin(status) {
  if (status === 401) {
    location.assign('/login.html');
  }
}

/** Ends the session (POST /logout with the CSRF token) and shows the login page. */
export async function logout() {
  try {
    await fetch('/logout', { method: 'POST', headers: csrfHeaders(), cache: 'no-store' });
  } finally {
    location.assign('/login.html');
  }
}

/** Query string from an object, skipping empty values (for page modules that call the API directly). */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function problemFrom(status, text) {
  try {
    const parsed = JSON.parse(text);
    if (parsed && typeof parsed === 'object') {
      return parsed;
    }
  } catch {
    // not JSON: fall through
  }
  return { title: `HTTP ${status}`, detail: text ? text.slice(0, 200) : '' };
}

/** Calls /api/v1 + path with the session's CSRF header; resolves with the JSON body or rejects with ApiError. */
export async function call(method, path, body) {
  const init = { method, headers: requestHeaders(), cache: 'no-store' };
  if (body !== undefined) {
    init.headers = requestHeaders({ 'Content-Type': 'application/json' });
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(BASE + path, init);
  } catch {
    throw new ApiError(0, { title: 'Network error', detail: 'the Argus server could not be reached' });
  }
  const text = await response.text();
  if (!response.ok) {
    toLogin(response.status);
    throw new ApiError(response.status, problemFrom(response.status, text));
  }
  return text ? JSON.parse(text) : null;
}

const id = (value) => encodeURIComponent(value);

export const api = {
  scan: (scanId) => call('GET', `/scans/${id(scanId)}`),
  scans: ({ page = 0, size = 10, status } = {}) => call('GET', `/scans${query({ page, size, status })}`),
  cancelScan: (scanId) => call('POST', `/scans/${id(scanId)}/cancel`),
  rescan: (sha256s, { force = true, probes } = {}) => call('POST', '/scans', { sha256: sha256s, force, probes }),
  file: (hash) => call('GET', `/files/${id(hash)}`),
  searchFiles: ({ query: text, page = 0, size = 20 } = {}) => call('GET', `/files${query({ query: text, page, size })}`),
  probes: () => call('GET', '/probes'),
  label: (sha256, label, source) => call('PUT', `/files/${id(sha256)}/label`, { label, source }),
  labels: (sha256) => call('GET', `/files/${id(sha256)}/labels`),
  currentModel: () => call('GET', '/models/current'),
  trainModel: () => call('POST', '/models'),
  stats: (days = 30) => call('GET', `/stats${query({ days })}`),

  /**
   * POST /api/v1/scans as multipart/form-data through XMLHttpRequest, the one browser API that reports
   * upload progress. onProgress(loaded, total) is called while the body is sent. Returns
   * {promise, abort}; the promise resolves with the Scan (202) or rejects with an ApiError.
   */
  upload(formData, onProgress) {
    const xhr = new XMLHttpRequest();
    const promise = new Promise((resolve, reject) => {
      xhr.open('POST', `${BASE}/scans`);
      for (const [name, value] of Object.entries(requestHeaders())) {
        xhr.setRequestHeader(name, value);
      }
      xhr.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) {
          onProgress(event.loaded, event.total);
        }
      });
      xhr.addEventListener('load', () => {
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve(JSON.parse(xhr.responseText));
        } else {
          toLogin(xhr.status);
          reject(new ApiError(xhr.status, problemFrom(xhr.status, xhr.responseText)));
        }
      });
      xhr.addEventListener('error', () => reject(new ApiError(0,
        { title: 'Network error', detail: 'the upload did not reach the Argus server' })));
      xhr.addEventListener('abort', () => reject(new ApiError(0,
        { title: 'Upload cancelled', detail: 'nothing was submitted' })));
      xhr.send(formData);
    });
    return { promise, abort: () => xhr.abort() };
  },

  /** The scan's live events (Server-Sent Events: scan, result, status). */
  scanEvents: (scanId) => new EventSource(`${BASE}/scans/${id(scanId)}/events`),
};
