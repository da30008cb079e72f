// Hash router: #/ (upload + recent scans), #/scans/{id}, #/files/{hash}, #/search?q=, #/probes, #/models,
// #/stats, #/admin (users, overrides, retention, audit log: admins only, the API refuses others).
// Each page module exports render(main, {params, query}) and may return a cleanup function
// (closing a live stream, stopping a timer) that runs when the user navigates away.
import * as home from './pages/home.js';
import * as scan from './pages/scan.js';
import * as file from './pages/file.js';
import * as search from './pages/search.js';
import * as probes from './pages/probes.js';
import * as models from './pages/models.js';
import * as stats from './pages/stats.js';
import * as admin from './pages/admin.js';
import * as users from './pages/users.js';
import * as overrides from './pages/overrides.js';
import * as retention from './pages/retention.js';
import * as audit from './pages/audit.js';
import * as notFound from './pages/not-found.js';
import { logout } from './api.js';

const ROUTES = [
  { pattern: /^\/?$/, page: home, nav: 'home' },
  { pattern: /^\/scans\/([0-9a-fA-F-]{36})$/, page: scan, nav: 'home' },
  { pattern: /^\/files\/([0-9a-fA-F]{32,64})$/, page: file, nav: 'search' },
  { pattern: /^\/search$/, page: search, nav: 'search' },
  { pattern: /^\/probes$/, page: probes, nav: 'probes' },
  { pattern: /^\/models$/, page: models, nav: 'models' },
  { pattern: /^\/stats$/, page: stats, nav: 'stats' },
  { pattern: /^\/admin$/, page: admin, nav: 'admin' },
  { pattern: /^\/admin\/users$/, page: users, nav: 'admin' },
  { pattern: /^\/admin\/overrides$/, page: overrides, nav: 'admin' },
  { pattern: /^\/admin\/retention$/, page: retention, nav: 'admin' },
  { pattern: /^\/admin\/audit$/, page: audit, nav: 'admin' },
];

const main = document.getElementById('main');
let cleanup = null;
let firstRender = true;

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?');
  return { path: decodeURIComponent(path), query: new URLSearchParams(search) };
}

function route() {
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  const { path, query } = parseHash();
  let match = null;
  const found = ROUTES.find((candidate) => (match = candidate.pattern.exec(path)));
  main.replaceChildren();
  main.removeAttribute('aria-busy');
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (found && link.dataset.nav === found.nav) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  const headerSearch = document.getElementById('header-q');
  if (document.activeElement !== headerSearch) {
    headerSearch.value = found?.page === search ? query.get('q') || '' : '';
  }
  const page = found ? found.page : notFound;
  const result = page.render(main, { params: match ? match.slice(1) : [], query });
  cleanup = typeof result === 'function' ? result : null;
  if (!firstRender) {
    const h1 = main.querySelector('h1');
    (h1 || main).focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
  firstRender = false;
}

function wireHeader() {
  document.getElementById('logout').addEventListener('click', () => logout());
  const form = document.getElementById('header-search');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = form.elements.q.value.trim();
    location.hash = `#/search?q=${encodeURIComponent(q)}`;
  });
  document.querySelector('.skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    const h1 = main.querySelector('h1');
    (h1 || main).focus();
  });
  // "/" jumps to the search field, as on many sites, unless the user is typing somewhere.
  document.addEventListener('keydown', (event) => {
    const target = event.target;
    const typing = target instanceof HTMLElement
      && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      form.elements.q.focus();
      form.elements.q.select();
    }
  });
}

wireHeader();
window.addEventListener('hashchange', route);
route();
