// #/search?q=...&page=N: file search by hash (full or a prefix of 8+ hex digits), name, or tag:NAME.
import { api } from '../api.js';
import { visibleText } from '../file-tree.js';
import { ago, bytes, h, heading, loading, pager, problem, setTitle, shortHash, table, tone, flagged, fill }
  from '../ui.js';

const PAGE_SIZE = 20;

export function render(main, { query }) {
  const q = (query.get('q') || '').trim();
  const page = Math.max(0, Number.parseInt(query.get('page') || '0', 10) || 0);
  setTitle(q ? `Search: ${q}` : 'Files');
  const input = h('input', { id: 'search-q', type: 'search', name: 'q', value: q, autocomplete: 'off',
    spellcheck: 'false', 'aria-describedby': 'search-hint' });
  const form = h('form', { class: 'search-form', role: 'search' },
    h('label', { for: 'search-q' }, 'Hash, file name or tag'),
    h('div', { class: 'search-row' }, input, h('button', { type: 'submit', class: 'button button-primary' },
      'Search')),
    h('p', { id: 'search-hint', class: 'hint' },
      'An md5, sha1 or sha256 (or a prefix of at least 8 hex digits), part of a file name, or tag:NAME. '
      + 'Empty lists every file.'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/search?q=${encodeURIComponent(input.value.trim())}`;
  });
  const results = h('div', { class: 'listing' }, loading('Searching…'));
  main.append(heading(q ? 'Search results' : 'Files'), h('section', { class: 'card' }, form),
    h('section', { class: 'card', 'aria-label': 'Results' }, results));

  let disposed = false;
  api.searchFiles({ query: q, page, size: PAGE_SIZE }).then((found) => {
    if (disposed) {
      return;
    }
    const files = `${found.total} ${found.total === 1 ? 'file' : 'files'}`;
    const verb = found.total === 1 ? 'matches' : 'match';
    const summary = h('p', { class: 'result-count', role: 'status' },
      found.total === 0 ? (q ? `No file matches “${q}”.` : 'No file has been scanned yet.')
        : `${files}${q ? ` ${verb} “${q}”` : ''}`);
    const href = (target) => `#/search?q=${encodeURIComponent(q)}${target ? `&page=${target}` : ''}`;
    fill(results, summary,
      found.total ? fileTable(found.items) : null,
      found.total > PAGE_SIZE || page > 0 ? pager(found, href, 'files') : null);
  }).catch((error) => {
    if (!disposed) {
      fill(results, problem(error, 'Search failed'));
    }
  });
  return () => {
    disposed = true;
  };
}

function fileTable(files) {
  return table([
    { label: 'Name', class: 'col-name',
      cell: (file) => h('a', { href: `#/files/${file.sha256}`, class: 'file-link' },
        file.names.length ? visibleText(file.names[0], 'file-name') : 'unnamed file',
        file.names.length > 1 ? h('span', { class: 'muted' }, ` (+${file.names.length - 1} other `
          + `${file.names.length === 2 ? 'name' : 'names'})`) : null) },
    { label: 'SHA-256', cell: (file) => h('code', { class: 'hash', title: file.sha256 }, shortHash(file.sha256)) },
    { label: 'Detections', cell: (file) => {
      const engines = Object.values(file.stats).reduce((sum, count) => sum + count, 0);
      return h('span', { class: `mini-ratio tone-${tone(file.stats, true)}` }, `${flagged(file.stats)} / ${engines}`);
    } },
    { label: 'Size', class: 'col-num', cell: (file) => bytes(file.size) },
    { label: 'Type', cell: (file) => file.mimeType || '–' },
    { label: 'Last seen', cell: (file) => ago(file.lastSeen) },
    { label: 'Tags', cell: (file) => file.tags.join(', ') || '–' },
  ], files, { caption: 'Matching files' }).element;
}
