// #/probes: the probe directory (online, instances, last seen), refreshed every few seconds.
import { api } from '../api.js';
import { ago, badge, h, heading, loading, problem, setTitle, table, fill } from '../ui.js';

const REFRESH_MS = 5000;

export function render(main) {
  setTitle('Probes');
  const summary = h('p', { class: 'lead' });
  const listing = h('div', { class: 'listing' }, loading('Loading probes…'));
  const updated = h('p', { class: 'hint' });
  main.append(heading('Probes'), summary, h('section', { class: 'card' }, listing, updated));

  let timer = null;
  let disposed = false;
  async function refresh() {
    try {
      const probes = (await api.probes()).slice().sort((a, b) => a.name.localeCompare(b.name));
      if (disposed) {
        return;
      }
      const online = probes.filter((probe) => probe.online).length;
      summary.textContent = probes.length
        ? `${online} of ${probes.length} ${probes.length === 1 ? 'engine' : 'engines'} online.`
        : 'No probe has registered yet.';
      if (!listing.contains(document.activeElement)) {
        fill(listing, probeTable(probes));
      }
      updated.textContent = `Updated ${new Date().toLocaleTimeString()}; refreshes every ${REFRESH_MS / 1000} s.`;
    } catch (error) {
      if (!disposed) {
        fill(listing, problem(error, 'Probes could not be loaded'));
      }
    }
    if (!disposed) {
      timer = setTimeout(refresh, REFRESH_MS);
    }
  }
  refresh();
  return () => {
    disposed = true;
    clearTimeout(timer);
  };
}

function probeTable(probes) {
  return table([
    { label: 'Engine', class: 'col-name', cell: (probe) => [h('span', { class: 'engine-name' },
      probe.displayName || probe.name), ' ', h('code', { class: 'probe-id' }, probe.name)] },
    { label: 'Category', cell: (probe) => probe.category || '–' },
    { label: 'Status', cell: (probe) => (probe.online ? badge('online', 'online') : badge('offline', 'offline')) },
    { label: 'Instances', class: 'col-num', cell: (probe) => String(probe.instances) },
    { label: 'Last seen', cell: (probe) => ago(probe.lastSeen) },
    { label: 'Engine version', cell: (probe) => probe.engineVersion || '–' },
    { label: 'Signatures', cell: (probe) => probe.signatureVersion || '–' },
    // job batches waiting in the engine's queue; bulk work is refused past argus.priority.max-bulk-backlog
    { label: 'Backlog', class: 'col-num', cell: (probe) => (probe.backlog == null ? '–' : String(probe.backlog)) },
    { label: 'Plugin version', cell: (probe) => probe.version || '–' },
    { label: 'File types', cell: (probe) => (probe.mimeTypes ? h('code', {}, probe.mimeTypes) : 'all') },
  ], probes, { caption: 'Probes', empty: 'No probe has registered yet. Start a probe process.' }).element;
}
