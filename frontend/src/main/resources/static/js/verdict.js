// The verdict on a file (label, confidence, method, explanation) as a badge and a small panel.
import { badge, h } from './ui.js';

/** "malicious 97%" as a coloured badge. */
export function verdictBadge(verdict) {
  if (!verdict) {
    return badge('pending', 'verdict pending');
  }
  return badge(`verdict-${verdict.label}`, `${verdict.label} ${percent(verdict.confidence)}`);
}

/** The verdict with how it was reached and why, for the scan and file pages. */
export function verdictPanel(verdict) {
  if (!verdict) {
    return h('div', { class: 'verdict verdict-none' },
      h('p', { class: 'verdict-head' }, h('span', { class: 'muted' }, 'Verdict '), verdictBadge(null)));
  }
  const method = verdict.method.startsWith('model:')
    ? h('a', { href: '#/models' }, `decision tree (model ${verdict.method.slice('model:'.length)})`)
    : 'detection threshold (no model trained yet)';
  return h('div', { class: `verdict verdict-${verdict.label}`, 'data-verdict': verdict.label },
    h('p', { class: 'verdict-head' }, h('span', { class: 'muted' }, 'Verdict '), verdictBadge(verdict),
      h('span', { class: 'verdict-method' }, ' by ', method)),
    h('ol', { class: 'verdict-path', 'aria-label': 'Why' },
      verdict.explanation.map((step) => h('li', {}, step))));
}

export function percent(value) {
  return `${Math.round((value || 0) * 100)}%`;
}
