// #/ : the upload form and the recent scans, paged (#/?page=2&status=running).
import { api } from '../api.js';
import { visiblePlainText } from '../file-tree.js';
import { dateTime, flagged, h, heading, loading, pager, problem, setTitle, statusBadge, table, tone, fill }
  from '../ui.js';
import { uploadForm } from './upload-form.js';

const PAGE_SIZE = 10;
const STATUSES = ['queued', 'running', 'finished', 'cancelled', 'error'];
const REFRESH_MS = 5000;

export function render(main, { query }) {
  setTitle('Scan files');
  const form = uploadForm();
  const page = Math.max(0, Number.parseInt(query.get('page') || '0', 10) || 0);
  const status = STATUSES.includes(query.get('status')) ? query.get('status') : '';
  const listing = h('div', { class: 'listing' }, loading('Loading recent scans…'));
  const filter = h('select', { id: 'scan-status-filter',
    onchange: (event) => { location.hash = route(0, event.target.value); } },
  h('option', { value: '' }, 'All'),
  STATUSES.map((value) => h('option', { value, selected: value === status }, value)));

  main.append(
    heading('Scan files'),
    h('p', { class: 'lead' }, 'Upload files and every engine reports on each of them; results appear live.'),
    h('section', { class: 'card', 'aria-label': 'Upload' }, form.element),
    h('section', { class: 'card', 'aria-labelledby': 'recent-title' },
      h('div', { class: 'card-head' },
        h('h2', { id: 'recent-title' }, 'Recent scans'),
        h('div', { class: 'inline-field' }, h('label', { for: 'scan-status-filter' }, 'Status'), filter)),
      listing));

  let timer = null;
  let disposed = false;
  async function refresh() {
    try {
      const result = await api.scans({ page, size: PAGE_SIZE, status });
      if (disposed) {
        return;
      }
      // Never pull the list from under the keyboard focus.
      if (!listing.contains(document.activeElement)) {
        fill(listing, scanTable(result.items),
          result.total > PAGE_SIZE || page > 0 ? pager(result, (target) => route(target, status), 'scans') : null);
      }
      const active = result.items.some((scan) => ['queued', 'running'].includes(scan.status));
      timer = active ? setTimeout(refresh, REFRESH_MS) : null;
    } catch (error) {
      if (!disposed) {
        fill(listing, problem(error, 'Recent scans could not be loaded'));
      }
    }
  }
  refresh();

  return () => {
    disposed = true;
    clearTimeout(timer);
    form.dispose();
  };
}

function route(page, status) {
  const params = new URLSearchParams();
  if (page) {
    params.set('page', String(page));
  }
  if (status) {
    params.set('status', status);
  }
  const text = params.toString();
  return text ? `#/?${text}` : '#/';
}

function fileNames(scan) {
  const names = scan.files.map((file) => (file.name ? visiblePlainText(file.name) : `${file.sha256.slice(0, 12)}…`));
  if (!names.length) {
    return 'no file';
  }
  return names.length === 1 ? names[0] : `${names[0]} + ${names.length - 1} more`;
}

function detections(scan) {
  if (scan.files.length === 1) {
    const [file] = scan.files;
    return h('span', { class: `mini-ratio tone-${tone(file.stats, file.status === 'done')}` },
      `${flagged(file.stats)} / ${scan.probes.length}`);
  }
  const bad = scan.files.filter((file) => flagged(file.stats) > 0);
  const worst = bad.some((file) => file.stats.malicious) ? 'malicious' : bad.length ? 'suspicious' : '';
  return h('span', { class: `mini-ratio tone-${worst || (scan.status === 'finished' ? 'clean' : 'pending')}` },
    `${bad.length} of ${scan.files.length} files flagged`);
}

function scanTable(scans) {
  const columns = [
    { label: 'Files', class: 'col-name',
      cell: (scan) => h('a', { href: `#/scans/${scan.id}`, class: 'scan-link' }, fileNames(scan)) },
    { label: 'Submitted', cell: (scan) => dateTime(scan.createdAt) },
    { label: 'Status', cell: (scan) => statusBadge(scan.status) },
    { label: 'Detections', cell: detections },
    { label: 'Results', class: 'col-num', cell: (scan) => `${scan.progress.done} / ${scan.progress.total}` },
    { label: 'Tags', cell: (scan) => scan.tags.join(', ') || '–' },
  ];
  return table(columns, scans, { caption: 'Recent scans, newest first', empty: 'No scan yet.' }).element;
}
