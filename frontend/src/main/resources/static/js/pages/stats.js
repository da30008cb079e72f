// #/stats: detections per engine, agreement between engines, files and scans per day, verdict distribution.
import { api } from '../api.js';
import { fill, h, heading, loading, problem, setTitle, table } from '../ui.js';
import { percent } from '../verdict.js';

export function render(main) {
  setTitle('Statistics');
  const body = h('div', {}, loading('Loading statistics…'));
  main.append(heading('Statistics'), body);
  let disposed = false;
  api.stats(30).then((stats) => {
    if (!disposed) {
      draw(body, stats);
    }
  }).catch((error) => {
    if (!disposed) {
      fill(body, problem(error, 'Statistics could not be loaded'));
    }
  });
  return () => {
    disposed = true;
  };
}

function draw(body, stats) {
  const verdicts = stats.verdicts.counts;
  fill(body,
    h('p', { class: 'lead' }, `${stats.files.toLocaleString()} files, ${stats.scans.toLocaleString()} scans, `
      + `${stats.labels.malicious} labelled malicious and ${stats.labels.benign} benign.`),
    h('section', { class: 'card', 'aria-labelledby': 'verdicts-title' },
      h('h2', { id: 'verdicts-title' }, 'Verdicts'),
      h('p', { class: 'hint' }, `Over the ${stats.verdicts.sampled} most recently seen files.`),
      bars(Object.entries(verdicts).map(([label, count]) => ({ label, count, kind: `verdict-${label}` })))),
    h('section', { class: 'card', 'aria-labelledby': 'engines-title' },
      h('h2', { id: 'engines-title' }, 'Detections per engine'),
      table([
        { label: 'Engine', cell: (e) => h('code', {}, e.probe) },
        { label: 'Files', class: 'col-num', cell: (e) => String(e.files) },
        { label: 'Malicious', class: 'col-num', cell: (e) => String(e.malicious) },
        { label: 'Suspicious', class: 'col-num', cell: (e) => String(e.suspicious) },
        { label: 'Clean', class: 'col-num', cell: (e) => String(e.clean) },
        { label: 'Failed', class: 'col-num', cell: (e) => String(e.failed) },
        { label: 'Unsupported', class: 'col-num', cell: (e) => String(e.unsupported) },
        { label: 'Detection rate', class: 'col-num', cell: (e) => percent(e.detectionRate) },
      ], stats.engines, { caption: 'Latest result per file and engine', empty: 'No result yet.' }).element),
    h('section', { class: 'card', 'aria-labelledby': 'agreement-title' },
      h('h2', { id: 'agreement-title' }, 'Agreement between engines'),
      table([
        { label: 'Engines', cell: (a) => a.probes.join(' · ') },
        { label: 'Files both judged', class: 'col-num', cell: (a) => String(a.files) },
        { label: 'Agreeing', class: 'col-num', cell: (a) => String(a.agreeing) },
        { label: 'Agreement', class: 'col-num', cell: (a) => percent(a.rate) },
      ], stats.agreement, { caption: 'Both detected, or both did not', empty: 'No file two engines judged.' })
        .element),
    h('section', { class: 'card', 'aria-labelledby': 'days-title' },
      h('h2', { id: 'days-title' }, 'Files and scans per day (UTC)'),
      table([
        { label: 'Day', cell: (d) => d.day },
        { label: 'New files', class: 'col-num', cell: (d) => String(d.files) },
        { label: 'Scans', class: 'col-num', cell: (d) => String(d.scans) },
      ], stats.perDay.slice().reverse(), { caption: 'Last 30 days, newest first' }).element));
}

function bars(items) {
  const max = Math.max(1, ...items.map((item) => item.count));
  return h('ul', { class: 'bars' }, items.map((item) => {
    const bar = h('span', { class: `bar bar-${item.kind}` });
    bar.style.width = `${(item.count / max) * 100}%`;
    return h('li', {}, h('span', { class: 'bar-label' }, item.label), h('span', { class: 'bar-track' }, bar),
      h('span', { class: 'bar-count' }, String(item.count)));
  }));
}
