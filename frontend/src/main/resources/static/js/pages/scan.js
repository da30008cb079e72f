// #/scans/{id}: a scan with one card per file. The per-engine tables fill in live from the scan's
// Server-Sent Events (scan, result, status); the stream is closed once the scan is over.
import { api } from '../api.js';
import { resultsTable } from '../results.js';
import { verdictPanel } from '../verdict.js';
import { announce, breakdown, bytes, dateTime, flagged, h, heading, loading, mono, problem, ratio, setTitle,
  statsOf, statusBadge, fill } from '../ui.js';

const isActive = (status) => status === 'queued' || status === 'running';
const STAGE = { queued: 0, running: 1, finished: 2, cancelled: 2, error: 2 };

/**
 * Merges a scan snapshot into what the page already knows. Live events may overtake the stream's first
 * `scan` event (a result committed while the stream opens), and a stored result never changes, so results
 * known here are kept, progress never goes back and the status only moves forward.
 */
function merge(known, next) {
  if (!known || known.id !== next.id) {
    return next;
  }
  for (const file of next.files) {
    const before = known.files.find((each) => each.sha256 === file.sha256);
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
    const title = scan.files.length === 1
      ? `Scan of ${scan.files[0].name || 'one file'}`
      : `Scan of ${scan.files.length} files`;
    setTitle(title);
    const focused = main.contains(document.activeElement) && document.activeElement.tagName === 'H1';
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
      scan.files.map(fileCard));
    if (focused) {
      main.querySelector('h1').focus({ preventScroll: true });
    }
  }

  function fileCard(file) {
    const probes = [...scan.probes, ...Object.keys(file.results).filter((p) => !scan.probes.includes(p))];
    const table = resultsTable(probes, file.results, {
      caption: `Engine results for ${file.name || file.sha256}`,
      pendingLabel: isActive(scan.status) ? 'pending' : 'not scanned',
      live: isActive(scan.status),
    });
    const summary = h('div', { class: 'file-summary' });
    files.set(file.sha256, { file, table, summary, probes });
    drawSummary(file.sha256);
    return h('section', { class: 'card file-card', 'aria-label': file.name || file.sha256 },
      h('div', { class: 'file-head' },
        h('div', { class: 'file-id' },
          h('h2', {}, h('a', { href: `#/files/${file.sha256}` }, file.name || 'unnamed file')),
          h('p', { class: 'file-facts' }, bytes(file.size), ' · ', file.mimeType || 'unknown type'),
          h('p', { class: 'file-hash' }, h('span', { class: 'muted' }, 'SHA-256 '), mono(file.sha256))),
        summary),
      table.element);
  }

  function drawSummary(sha256) {
    const { file, summary, probes } = files.get(sha256);
    const answered = Object.keys(file.results).length;
    const complete = answered >= probes.length || !isActive(scan.status);
    fill(summary,
      ratio(file.stats, probes.length, complete,
        `${probes.length === 1 ? 'engine' : 'engines'} flagged this file`),
      breakdown(file.stats, isActive(scan.status) ? probes.length - answered : 0),
      verdictPanel(file.verdict));
  }

  /** The server judges a file once all its results are in; the live events carry no verdict, so ask for it. */
  function fetchVerdictWhenComplete(entry) {
    if (entry.file.verdict || Object.keys(entry.file.results).length < entry.probes.length) {
      return;
    }
    api.scan(id).then((latest) => {
      const judged = latest.files.find((each) => each.sha256 === entry.file.sha256);
      if (!disposed && judged?.verdict && !entry.file.verdict) {
        entry.file.verdict = judged.verdict;
        drawSummary(entry.file.sha256);
      }
    }).catch(() => {});
  }

  function applyResult(event) {
    const entry = files.get(event.sha256);
    if (!entry || !scan) {
      return;
    }
    entry.file.results[event.probe] = event.result;
    entry.file.stats = statsOf(entry.file.results);
    entry.table.update(event.probe, event.result);
    drawSummary(event.sha256);
    fetchVerdictWhenComplete(entry);
    if (event.progress.done >= scan.progress.done) {
      scan.progress = event.progress;
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
    close();
    delete main.dataset.scanState;
  };
}
