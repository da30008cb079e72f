// #/files/{hash}: one file across all scans: hashes, names, tags, the archives it was found in and the files
// found in it, the latest result per engine, every scan; admins delete it from here (pages/retention.js's confirm).
import { api, call } from '../api.js';
import { fileNameText, visiblePlainText, visibleText } from '../file-tree.js';
import { resultsTable } from '../results.js';
import { verdictPanel } from '../verdict.js';
import { deleteFileControl } from './retention.js';
import { breakdown, bytes, dateTime, h, heading, loading, mono, problem, ratio, fill, setTitle, shortHash,
  statusBadge, table } from '../ui.js';

export function render(main, { params: [hash] }) {
  setTitle('File');
  main.append(heading('File'), loading('Loading the file report…'));
  let disposed = false;

  api.file(hash).then((report) => {
    if (!disposed) {
      draw(main, report);
    }
  }).catch((error) => {
    if (!disposed) {
      setTitle('File not found');
      fill(main, heading(error.status === 404 ? 'File not found' : 'File'), problem(error));
    }
  });

  return () => {
    disposed = true;
  };
}

function draw(main, report) {
  const name = report.names[0] || 'unnamed file';
  setTitle(visiblePlainText(name));
  const focused = document.activeElement?.tagName === 'H1' && main.contains(document.activeElement);
  const probes = Object.keys(report.results);
  const results = resultsTable(probes, report.results, { caption: 'Latest result of each engine' });
  const rescanErrors = h('div', {});
  const rescan = h('button', { type: 'button', class: 'button' }, 'Scan again');
  rescan.addEventListener('click', async () => {
    rescan.disabled = true;
    try {
      const scan = await api.rescan([report.sha256], { force: true });
      location.hash = `#/scans/${scan.id}`;
    } catch (error) {
      rescan.disabled = false;
      fill(rescanErrors, problem(error, 'Rescan failed'));
    }
  });

  // Admins only: anyone else gets the API's 403 in the confirm box.
  const deletion = h('div', {});
  const remove = h('button', { type: 'button', class: 'button button-danger' }, 'Delete…');
  remove.addEventListener('click', () => fill(deletion, deleteFileControl(report.sha256, () => {
    fill(main, heading('File deleted'), h('p', { role: 'status' }, mono(report.sha256), ' and everything about it '
      + 'were deleted.'));
  })));

  const scans = table([
    { label: 'Submitted', cell: (scan) => h('a', { href: `#/scans/${scan.id}` }, dateTime(scan.createdAt)) },
    { label: 'Status', cell: (scan) => statusBadge(scan.status) },
    { label: 'Scan id', cell: (scan) => mono(scan.id) },
  ], report.scans, { caption: 'Scans of this file, newest first', empty: 'No scan.' });

  fill(main,
    h('div', { class: 'page-head' },
      heading(report.names[0] ? fileNameText(name) : name),
      h('div', { class: 'page-head-side' }, rescan, ' ', remove)),
    rescanErrors,
    deletion,
    h('section', { class: 'card file-overview', 'aria-label': 'Summary' },
      h('div', { class: 'file-summary' },
        ratio(report.stats, probes.length, true, `${probes.length === 1 ? 'engine' : 'engines'} flagged this file`),
        breakdown(report.stats),
        verdictPanel(report.verdict, { label: name })),
      h('dl', { class: 'facts' },
        fact('SHA-256', mono(report.sha256)),
        fact('SHA-1', mono(report.sha1)),
        fact('MD5', mono(report.md5)),
        fact('Size', `${bytes(report.size)} (${report.size.toLocaleString()} bytes)`),
        fact('Type', report.mimeType || 'unknown'),
        fact('First seen', dateTime(report.firstSeen)),
        fact('Last seen', dateTime(report.lastSeen)),
        fact('Names', report.names.length
          ? h('ul', { class: 'plain-list' }, report.names.map((each) => h('li', {}, fileNameText(each))))
          : '–'),
        fact('Tags', report.tags.length
          ? h('ul', { class: 'tag-list' }, report.tags.map((tag) => h('li', {},
            h('a', { class: 'tag', href: `#/search?q=${encodeURIComponent(`tag:${tag}`)}` }, tag))))
          : '–'))),
    members(report),
    labelSection(report.sha256),
    overrideSection(report.sha256),
    h('section', { class: 'card', 'aria-labelledby': 'latest-title' },
      h('h2', { id: 'latest-title' }, 'Latest result per engine'),
      results.element),
    h('section', { class: 'card', 'aria-labelledby': 'scans-title' },
      h('h2', { id: 'scans-title' }, `Scans (${report.scans.length})`),
      scans.element));
  if (focused) {
    main.querySelector('h1').focus({ preventScroll: true });
  }
}

/** The file's ground-truth label: the current one, its history, and buttons to set it. */
function labelSection(sha256) {
  const current = h('p', {}, 'Loading the label…');
  const errors = h('div', {});
  const source = h('input', { id: 'label-source', type: 'text', maxlength: 500, placeholder: 'e.g. sandbox report 17' });
  const show = (history) => {
    const latest = history[0];
    fill(current, latest
      ? [`Labelled ${latest.label}`, latest.source ? ` (${latest.source})` : '', ' on ', dateTime(latest.labelledAt),
        history.length > 1 ? `; ${history.length - 1} earlier label${history.length > 2 ? 's' : ''} kept` : '']
      : 'Not labelled. Labels are the ground truth the verdict model learns from.');
  };
  const set = async (label) => {
    fill(errors);
    try {
      await api.label(sha256, label, source.value.trim() || null);
      show(await api.labels(sha256));
    } catch (error) {
      fill(errors, problem(error, 'The label was not saved'));
    }
  };
  api.labels(sha256).then(show).catch((error) => fill(errors, problem(error, 'Labels could not be loaded')));
  return h('section', { class: 'card', 'aria-labelledby': 'label-title' },
    h('h2', { id: 'label-title' }, 'Ground truth'),
    current,
    h('div', { class: 'label-form' },
      h('label', { for: 'label-source' }, 'Source'), source,
      h('button', { type: 'button', class: 'button button-danger button-small', onclick: () => set('malicious') },
        'Label malicious'),
      h('button', { type: 'button', class: 'button button-small', onclick: () => set('benign') }, 'Label benign')),
    errors);
}

/**
 * The admin's override of this file: the one in force with a Lift button, or a reason and Allow-list / Block-list
 * buttons (the API refuses non-admins with 403, shown here). After a change the page is drawn again, so the verdict
 * above shows it.
 */
function overrideSection(sha256) {
  const body = h('div', {}, loading('Loading overrides…'));
  const errors = h('div', {});
  const redraw = () => window.dispatchEvent(new HashChangeEvent('hashchange'));
  const act = async (request) => {
    fill(errors);
    try {
      await request();
      redraw();
    } catch (error) {
      fill(errors, problem(error, 'The override was not changed'));
    }
  };
  call('GET', '/overrides').then((overrides) => {
    const current = overrides.find((each) => each.sha256 === sha256);
    if (current) {
      fill(body, h('p', {}, `${current.action === 'allow' ? 'Allow-listed' : 'Block-listed'} by ${current.createdBy} `,
        'on ', dateTime(current.createdAt), `: ${current.reason} `),
      h('button', { type: 'button', class: 'button button-small',
        onclick: () => act(() => call('DELETE', `/overrides/${encodeURIComponent(current.id)}`)) }, 'Lift override'));
      return;
    }
    const reason = h('input', { id: 'override-reason', type: 'text', maxlength: 500,
      placeholder: 'why, for everyone who reads the verdict' });
    const set = (action) => act(() => call('POST', '/overrides', { sha256, action, reason: reason.value }));
    fill(body, h('p', { class: 'hint' }, 'Admins only: decides this file\'s verdict in every scan, past and future.'),
      h('div', { class: 'label-form' },
        h('label', { for: 'override-reason' }, 'Reason'), reason,
        h('button', { type: 'button', class: 'button button-small', onclick: () => set('allow') }, 'Allow-list'),
        h('button', { type: 'button', class: 'button button-danger button-small', onclick: () => set('block') },
          'Block-list')));
  }).catch((error) => fill(body, problem(error, 'Overrides could not be loaded')));
  return h('section', { class: 'card', 'aria-labelledby': 'override-title' },
    h('h2', { id: 'override-title' }, 'Override'), body, errors);
}

/** The most parents and children the API lists; a full list may have been cut there. */
const MEMBERS_CAP = 100;

/**
 * The archives the file was found in (with its path there) and the files found in it (with their paths), across
 * all scans, as links to their file pages; nothing when it is neither. Paths are data: shown as inert text.
 */
function members(report) {
  const parents = Array.isArray(report.parents) ? report.parents : [];
  const children = Array.isArray(report.children) ? report.children : [];
  if (!parents.length && !children.length) {
    return null;
  }
  const count = (list, noun) => `${list.length}${list.length >= MEMBERS_CAP ? '+' : ''} ${noun}`;
  const path = (member) => (member.path ? visibleText(member.path) : h('span', { class: 'muted' }, 'unnamed member'));
  return h('section', { class: 'card', 'aria-labelledby': 'members-title' },
    h('h2', { id: 'members-title' }, 'Archives'),
    h('div', { class: 'members' },
      parents.length ? h('div', { class: 'member-parents' },
        h('h3', {}, `Found inside (${count(parents, parents.length === 1 ? 'archive' : 'archives')})`),
        h('ul', { class: 'member-list' }, parents.map((parent) => h('li', {},
          path(parent), ' in ',
          h('a', { href: `#/files/${encodeURIComponent(parent.sha256)}`, class: 'member-link' },
            mono(shortHash(parent.sha256), { title: parent.sha256 })))))) : null,
      children.length ? h('div', { class: 'member-children' },
        h('h3', {}, `Contents (${count(children, children.length === 1 ? 'file' : 'files')})`),
        h('ul', { class: 'member-list' }, children.map((child) => h('li', {},
          h('a', { href: `#/files/${encodeURIComponent(child.sha256)}`, class: 'member-link' }, path(child)), ' ',
          mono(shortHash(child.sha256), { title: child.sha256 }))))) : null));
}

function fact(label, value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, value));
}
