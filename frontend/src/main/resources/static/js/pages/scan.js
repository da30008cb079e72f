// #/scans/{id}: a scan with one card per uploaded file; what was found inside an archive is shown in its card as
// a collapsible tree (member path, extraction status, verdict, detection ratio, and its own per-engine table).
// The per-engine tables fill in live from the scan's Server-Sent Events (scan, result, status); a result for a
// file the page does not know yet (just extracted from an archive) makes it fetch the scan again, once per burst.
// The stream is closed once the scan is over.
import { api } from '../api.js';
import { buildTree, extractionBadge, extractionNote, fileNameText, flatten, visiblePlainText, visibleText }
  from '../file-tree.js';
import { resultsTable } from '../results.js';
import { verdictBadge, verdictPanel } from '../verdict.js';
import { announce, breakdown, bytes, dateTime, flagged, h, heading, icon, loading, mono, problem, ratio, setTitle,
  statsOf, statusBadge, fill, tone } from '../ui.js';

const isActive = (status) => status === 'queued' || status === 'running';
const STAGE = { queued: 0, running: 1, finished: 2, cancelled: 2, error: 2 };
/** Beyond this many files, the archives inside archives start collapsed (the uploaded ones stay open). */
const LARGE_SCAN = 100;
/** Waits this long after a result for an unknown file before fetching the scan, so a burst makes one request. */
const SYNC_DELAY_MS = 300;

/** How a file is called: its name for an upload, its member path for a file found in an archive. */
const labelOf = (file) => file.name || file.path || null;
const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Merges a scan snapshot into what the page already knows. Live events may overtake the stream's first
 * `scan` event (a result committed while the stream opens), and a stored result never changes, so results
 * known here are kept, progress never goes back and the status only moves forward.
 */
function merge(known, next) {
  if (!known || known.id !== next.id) {
    return next;
  }
  const knownFiles = new Map(known.files.map((file) => [file.sha256, file]));
  for (const file of next.files) {
    const before = knownFiles.get(file.sha256);
    if (before) {
      file.results = { ...before.results, ...file.results };
      file.stats = statsOf(file.results);
    }
  }
  if (STAGE[known.status] > STAGE[next.status]) {
    next.status = known.status;
    next.finishedAt = known.finishedAt;
  }
  if (known.progress.done > next.progress.done) {
    next.progress = known.progress;
  }
  return next;
}

export function render(main, { params: [id] }) {
  setTitle('Scan');
  main.append(heading('Scan'), loading('Loading the scan…'));
  let scan = null;
  let files = new Map();
  let source = null;
  let disposed = false;
  let live = h('span', { class: 'live-indicator' });
  // What the user opened or closed survives redraws: expanded containers and members' engine tables.
  const expanded = new Map();
  const resultsOpen = new Map();
  let syncTimer = null;
  let syncing = false;
  let syncAgain = false;

  function close() {
    if (source) {
      source.close();
      source = null;
    }
    live.textContent = '';
    live.className = 'live-indicator';
  }

  function connect() {
    source = api.scanEvents(id);
    source.addEventListener('open', () => setLive('live', 'Live'));
    source.addEventListener('scan', (event) => {
      draw(merge(scan, JSON.parse(event.data)));
      if (!isActive(scan.status)) {
        close();
        settled();
      }
    });
    source.addEventListener('result', (event) => applyResult(JSON.parse(event.data)));
    source.addEventListener('status', (event) => applyStatus(JSON.parse(event.data)));
    source.addEventListener('error', () => {
      if (scan && isActive(scan.status)) {
        setLive('reconnecting', 'Reconnecting…'); // EventSource retries by itself; `scan` re-syncs
      } else {
        close();
      }
    });
  }

  function setLive(state, text) {
    live.className = `live-indicator live-${state}`;
    live.textContent = text;
  }

  function draw(next) {
    scan = next;
    files = new Map();
    const forest = buildTree(scan.files);
    const count = flatten(forest).length;
    const found = count - forest.length;
    const title = forest.length === 1
      ? `Scan of ${visiblePlainText(labelOf(forest[0].file) || 'one file')}`
      : `Scan of ${forest.length} files`;
    setTitle(title);
    const active = main.contains(document.activeElement) ? document.activeElement : null;
    const focused = active?.tagName === 'H1';
    const focusKey = active?.dataset?.focusKey;
    const progressValue = h('progress', { max: String(Math.max(1, scan.progress.total)),
      value: String(scan.progress.done), 'aria-label': 'Results received' });
    fill(main,
      h('div', { class: 'page-head' },
        h('div', { class: 'page-title' },
          h('div', { class: 'title-row' }, heading(title),
            h('span', { class: 'scan-status' }, statusBadge(scan.status)), live),
          h('p', { class: 'subtitle' }, 'Scan ', mono(scan.id)))),
      h('dl', { class: 'meta' },
        h('div', {}, h('dt', {}, 'Submitted'), h('dd', {}, dateTime(scan.createdAt))),
        h('div', {}, h('dt', {}, 'Finished'), h('dd', {}, dateTime(scan.finishedAt))),
        h('div', {}, h('dt', {}, 'Engines'), h('dd', {}, scan.probes.join(', ') || '–')),
        found ? h('div', {}, h('dt', {}, 'Files'), h('dd', { class: 'files-count' },
          `${forest.length} uploaded, ${found} found inside`)) : null,
        h('div', {}, h('dt', {}, 'Tags'), h('dd', {}, scan.tags.length
          ? scan.tags.map((tag, index) => [index ? ', ' : '',
            h('a', { href: `#/search?q=${encodeURIComponent(`tag:${tag}`)}` }, tag)])
          : '–')),
        h('div', {}, h('dt', {}, 'Cached results'),
          h('dd', { title: 'A stored result for the same file, engine version and signatures is reused' },
            scan.force ? 'not used (force)' : 'allowed'))),
      h('div', { class: 'progress-row' },
        progressValue,
        h('span', { class: 'progress-text' }, progressText()),
        isActive(scan.status)
          ? h('button', { type: 'button', class: 'button button-danger button-small', onclick: cancel },
            'Cancel scan')
          : null),
      h('div', { class: 'scan-errors' }),
      forest.map((node) => fileCard(node, count)));
    if (focused) {
      main.querySelector('h1').focus({ preventScroll: true });
    } else if (focusKey) {
      main.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus({ preventScroll: true });
    }
  }

  /** The probes a file is (or was) sent to: the scan's, then any other that answered. */
  function probesOf(file) {
    return [...scan.probes, ...Object.keys(file.results || {}).filter((p) => !scan.probes.includes(p))];
  }

  function engineTable(file, probes) {
    return resultsTable(probes, file.results, {
      caption: `Engine results for ${visiblePlainText(labelOf(file) || file.sha256)}`,
      pendingLabel: isActive(scan.status) ? 'pending' : 'not scanned',
      live: isActive(scan.status),
    });
  }

  /** An uploaded file (or one whose container is not in the scan): a card, with the tree of what it holds. */
  function fileCard(node, count) {
    const { file } = node;
    file.results = file.results || {};
    const probes = probesOf(file);
    const table = engineTable(file, probes);
    const summary = h('div', { class: 'file-summary' });
    const extraction = h('div', { class: 'file-extraction' });
    const label = labelOf(file);
    const refresh = () => {
      const answered = Object.keys(file.results).length;
      const complete = answered >= probes.length || !isActive(scan.status);
      fill(summary,
        ratio(file.stats, probes.length, complete,
          `${probes.length === 1 ? 'engine' : 'engines'} flagged this file`),
        breakdown(file.stats, isActive(scan.status) ? probes.length - answered : 0),
        verdictPanel(file.verdict, { label }));
      fill(extraction, extractionBadge(file.extraction), extractionNote(file.extraction));
    };
    files.set(file.sha256, { file, table, probes, refresh });
    refresh();
    return h('section', { class: 'card file-card', 'aria-label': visiblePlainText(label || file.sha256),
      'data-node': file.sha256,
      'data-depth': '0' },
    h('div', { class: 'file-head' },
      h('div', { class: 'file-id' },
        h('h2', {}, h('a', { href: `#/files/${file.sha256}` },
          label ? fileNameText(label) : 'unnamed file')),
        file.otherNames?.length ? h('p', { class: 'file-facts other-names' }, 'Also submitted as ',
          ...file.otherNames.flatMap((other, i) => (i ? [', ', fileNameText(other)] : [fileNameText(other)]))) : null,
        file.path ? h('p', { class: 'file-facts' }, 'Found in a file that is not part of this scan') : null,
        h('p', { class: 'file-facts' }, bytes(file.size), ' · ', file.mimeType || 'unknown type'),
        h('p', { class: 'file-hash' }, h('span', { class: 'muted' }, 'SHA-256 '), mono(file.sha256)),
        extraction),
      summary),
    table.element,
    node.children.length ? contents(node, count) : null);
  }

  /** The tree below an uploaded archive, behind a toggle that shows or hides it. */
  function contents(node, count) {
    const inside = flatten(node.children).length;
    const list = h('ul', { class: 'tree tree-top', id: `tree-${node.file.sha256}` },
      node.children.map((child) => memberNode(child, count)));
    return h('div', { class: 'file-tree' },
      toggle(node.file.sha256, list, { root: true },
        h('span', { class: 'tree-count' }, `${inside} ${inside === 1 ? 'file' : 'files'} found inside`)),
      list);
  }

  /**
   * A button that shows or hides the list (aria-expanded), open at first unless told otherwise; remembers the
   * user's choice across redraws.
   */
  function toggle(sha256, list, { root = false, open: initially = true } = {}, ...text) {
    const open = expanded.has(sha256) ? expanded.get(sha256) : initially;
    list.hidden = !open;
    const button = h('button', { type: 'button', class: `tree-toggle${root ? ' tree-toggle-root' : ''}`,
      'aria-expanded': String(open), 'aria-controls': list.id, 'data-focus-key': `toggle:${sha256}` },
    icon(['M9 6l6 6-6 6'], 'chevron'), text);
    button.addEventListener('click', () => {
      const now = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(now));
      list.hidden = !now;
      expanded.set(sha256, now);
    });
    return button;
  }

  /** A file found inside an archive: its path, status badges, its engine table (collapsible) and its members. */
  function memberNode(node, count) {
    const { file } = node;
    file.results = file.results || {};
    const probes = probesOf(file);
    const table = engineTable(file, probes);
    const label = labelOf(file);
    const status = h('span', { class: 'tree-status' });
    const note = h('div', { class: 'tree-note' });
    const panel = h('div', { class: 'tree-verdict' });
    const refresh = () => {
      const answered = Object.keys(file.results).length;
      const complete = answered >= probes.length || !isActive(scan.status);
      const hits = flagged(file.stats);
      fill(status,
        extractionBadge(file.extraction),
        h('span', { class: 'tree-verdict-badge', 'data-verdict': file.verdict?.label || 'pending' },
          verdictBadge(file.verdict)),
        h('span', { class: `mini-ratio tone-${tone(file.stats, complete)}`,
          title: `${hits} of ${probes.length} ${probes.length === 1 ? 'engine' : 'engines'} flagged this file` },
        `${hits} / ${probes.length}`));
      fill(note, extractionNote(file.extraction));
      fill(panel, verdictPanel(file.verdict, { label }));
    };
    files.set(file.sha256, { file, table, probes, refresh });
    refresh();
    const name = h('a', { class: 'tree-name', href: `#/files/${file.sha256}` },
      label ? visibleText(label) : h('span', { class: 'muted' }, 'unnamed member'));
    const children = node.children.length
      ? h('ul', { class: 'tree', id: `tree-${file.sha256}` }, node.children.map((child) => memberNode(child, count)))
      : null;
    const details = h('details', { class: 'tree-results' },
      h('summary', { 'data-focus-key': `results:${file.sha256}` }, 'Engine results and hashes'),
      h('p', { class: 'file-facts' }, bytes(file.size), ' · ', file.mimeType || 'unknown type'),
      h('p', { class: 'file-hash' }, h('span', { class: 'muted' }, 'SHA-256 '), mono(file.sha256)),
      panel,
      table.element);
    details.open = resultsOpen.get(file.sha256) === true; // closed at first: the row says the verdict
    details.addEventListener('toggle', () => resultsOpen.set(file.sha256, details.open));
    return h('li', { class: 'tree-node', 'data-node': file.sha256, 'data-depth': String(node.depth),
      'aria-label': visiblePlainText(label || file.sha256) },
    h('div', { class: 'tree-row' },
      children
        ? toggle(file.sha256, children, { open: count <= LARGE_SCAN }, h('span', { class: 'visually-hidden' }, 'Files inside ',
          label || 'this member'))
        : h('span', { class: 'tree-spacer', 'aria-hidden': 'true' }),
      name,
      status),
    note,
    details,
    children);
  }

  /**
   * Asks the server for the scan, once per burst of events: for files extracted since the page drew the scan (a
   * result for an unknown file), and for verdicts (the live events carry none; a container's waits for
   * everything inside it).
   */
  function scheduleSync() {
    if (disposed) {
      return;
    }
    if (syncing) {
      syncAgain = true;
    } else if (!syncTimer) {
      syncTimer = setTimeout(sync, SYNC_DELAY_MS);
    }
  }

  async function sync() {
    syncTimer = null;
    syncing = true;
    try {
      const latest = await api.scan(id);
      if (!disposed && scan) {
        applySnapshot(latest);
      }
    } catch {
      // the next event, or the final fetch, tries again
    } finally {
      syncing = false;
      if (syncAgain) {
        syncAgain = false;
        scheduleSync();
      }
    }
  }

  /** Draws the scan again when it holds new files, else updates the verdicts and extractions that changed. */
  function applySnapshot(latest) {
    if (latest.files.some((file) => !files.has(file.sha256))) {
      draw(merge(scan, latest));
      return;
    }
    for (const file of latest.files) {
      const entry = files.get(file.sha256);
      let changed = false;
      if (file.verdict && !same(file.verdict, entry.file.verdict)) {
        entry.file.verdict = file.verdict;
        changed = true;
      }
      if (file.extraction && !same(file.extraction, entry.file.extraction)) {
        entry.file.extraction = file.extraction;
        changed = true;
      }
      if (changed) {
        entry.refresh();
      }
    }
  }

  function applyResult(event) {
    if (!scan) {
      return;
    }
    const entry = files.get(event.sha256);
    if (event.progress && event.progress.done >= scan.progress.done) {
      scan.progress = event.progress;
    }
    if (!entry) {
      scheduleSync(); // a file found inside an archive since the page drew the scan
      updateProgress();
      return;
    }
    entry.file.results[event.probe] = event.result;
    entry.file.stats = statsOf(entry.file.results);
    entry.table.update(event.probe, event.result);
    entry.refresh();
    if (Object.keys(entry.file.results).length >= entry.probes.length) {
      scheduleSync(); // its verdict, and maybe its container's
    }
    updateProgress();
  }

  /** Marks the page as showing the scan's final state (data-scan-state="final"), e.g. for tests. */
  function settled() {
    if (!disposed) {
      main.dataset.scanState = 'final';
    }
  }

  function applyStatus(event) {
    if (!scan) {
      return;
    }
    if (STAGE[event.status] < STAGE[scan.status]) {
      return;
    }
    scan.status = event.status;
    scan.progress = event.progress.done >= scan.progress.done ? event.progress : scan.progress;
    scan.finishedAt = event.finishedAt;
    if (isActive(scan.status)) {
      fill(main.querySelector('.scan-status'), statusBadge(scan.status));
      updateProgress();
      return;
    }
    close();
    draw(scan);
    const worst = scan.files.reduce((sum, file) => sum + flagged(file.stats), 0);
    announce(`Scan ${scan.status}. ${worst ? `${worst} detections.` : 'No detection.'}`);
    // The final state from the server, in case a live event was missed.
    api.scan(id).then((final) => {
      if (!disposed) {
        draw(merge(scan, final));
      }
    }).catch(() => {}).finally(settled);
  }

  function progressText() {
    return `${scan.progress.done} of ${scan.progress.total} results received`;
  }

  function updateProgress() {
    const bar = main.querySelector('.progress-row progress');
    const text = main.querySelector('.progress-row .progress-text');
    if (bar && text) {
      bar.max = Math.max(1, scan.progress.total);
      bar.value = scan.progress.done;
      text.textContent = progressText();
    }
  }

  async function cancel(event) {
    event.target.disabled = true;
    try {
      const cancelled = await api.cancelScan(id);
      close();
      draw(merge(scan, cancelled));
      settled();
      announce('Scan cancelled.');
    } catch (error) {
      event.target.disabled = false;
      fill(main.querySelector('.scan-errors'), problem(error, 'Cancel failed'));
    }
  }

  api.scan(id).then((loaded) => {
    if (disposed) {
      return;
    }
    draw(loaded);
    if (isActive(loaded.status)) {
      connect();
    } else {
      settled();
    }
  }).catch((error) => {
    if (!disposed) {
      setTitle('Scan not found');
      fill(main, heading(error.status === 404 ? 'Scan not found' : 'Scan'), problem(error));
    }
  });

  return () => {
    disposed = true;
    clearTimeout(syncTimer);
    close();
    delete main.dataset.scanState;
  };
}
