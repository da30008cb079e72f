// The login page: posts the API key to /login with the CSRF token, then opens the UI. The key is sent once and
// never stored by the browser script; the server keeps a session that refers to the key.
import { csrfHeaders } from './api.js';

const form = document.getElementById('login-form');
const error = document.getElementById('login-error');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.hidden = true;
  const body = new URLSearchParams({ key: form.elements.key.value.trim() });
  let response;
  try {
    response = await fetch('/login', {
      method: 'POST',
      headers: csrfHeaders({ 'Content-Type': 'application/x-www-form-urlencoded' }),
      body,
      cache: 'no-store',
    });
  } catch {
    showError('The Argus server could not be reached.');
    return;
  }
  if (response.ok) {
    form.elements.key.value = '';
    location.assign('/');
    return;
  }
  let detail = `HTTP ${response.status}`;
  try {
    detail = (await response.json()).detail || detail;
  } catch {
    // not a problem document
  }
  showError(response.status === 401 ? 'That API key is unknown or revoked.' : detail);
});

function showError(text) {
  error.textContent = text;
  error.hidden = false;
  form.elements.key.focus();
}
