// The per-engine results table shared by the scan page (rows fill in live) and the file page.
import { badge, categoryBadge, duration, h, table } from './ui.js';

function threat(entry) {
  const { result } = entry;
  if (!result) {
    return h('span', { class: 'muted' }, entry.note || '–');
  }
  if (result.error) {
    return h('span', { class: 'error-text' }, result.error);
  }
  return result.result ? h('span', { class: 'threat' }, result.result) : h('span', { class: 'muted' }, '–');
}

const COLUMNS = [
  { label: 'Engine', class: 'col-engine', cell: (entry) => h('span', { class: 'engine' }, entry.probe) },
  {
    label: 'Category',
    class: 'col-category',
    cell: (entry) => (entry.result ? categoryBadge(entry.result.category) : badge('pending', entry.pendingLabel)),
  },
  { label: 'Result', class: 'col-result', cell: threat },
  { label: 'Engine version', class: 'col-version', cell: (entry) => entry.result?.engineVersion || '–' },
  {
    label: 'Signatures',
    class: 'col-signature',
    // stale: made with another engine or signature version than the probe's current one (docs/api.md)
    cell: (entry) => [entry.result?.signatureVersion || '–', entry.result?.stale
      ? [' ', h('span', { class: 'badge badge-stale', title: 'made with an older engine or signature version' },
        'stale')]
      : null],
  },
  {
    label: 'Time',
    class: 'col-time',
    cell: (entry) => (entry.result
      ? [duration(entry.result.durationMs), entry.result.cached ? [' ', badge('cached', 'cached')] : null]
      : '–'),
  },
];

/**
 * A results table with one row per probe. probes: the probe names in display order; results: {probe: result};
 * pendingLabel: the badge of a probe without result ("pending", or "not scanned" once the scan is over).
 * Returns {element, update(probe, result)}; update replaces one row in place (announced politely).
 */
export function resultsTable(probes, results, { caption, pendingLabel = 'pending', live = false } = {}) {
  const entry = (probe) => ({ probe, result: results[probe], pendingLabel });
  const { element, tbody, row } = table(COLUMNS, probes.map(entry),
    { caption, empty: 'No engine result.', live, className: 'results' });
  const rows = new Map();
  probes.forEach((probe, index) => {
    const tr = tbody.children[index];
    tr.dataset.probe = probe;
    rows.set(probe, tr);
  });
  return {
    element,
    update(probe, result) {
      const replacement = row({ probe, result, pendingLabel });
      replacement.dataset.probe = probe;
      const current = rows.get(probe);
      if (current) {
        current.replaceWith(replacement);
      } else {
        tbody.append(replacement);
      }
      rows.set(probe, replacement);
    },
  };
}
