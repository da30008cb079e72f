// The verdict on a file (label, confidence, method, explanation) as a badge and a small panel.
import { visibleText } from './file-tree.js';
import { badge, h } from './ui.js';

/** "malicious 97%" as a coloured badge. */
export function verdictBadge(verdict) {
  if (!verdict) {
    return badge('pending', 'verdict pending');
  }
  return badge(`verdict-${verdict.label}`, `${verdict.label} ${percent(verdict.confidence)}`);
}

/**
 * The verdict with how it was reached and why, for the scan and file pages. A container's verdict raised by
 * something inside it starts its explanation with the path to the cause ("outer.zip › docs/inner.7z ›
 * payload.exe: clamav Eicar-Signature", or "locked.zip: encrypted, …"): that line is shown on its own, above the
 * container's own steps. label: the file's name or member path, which such a line starts with.
 */
export function verdictPanel(verdict, { label } = {}) {
  if (!verdict) {
    return h('div', { class: 'verdict verdict-none' },
      h('p', { class: 'verdict-head' }, h('span', { class: 'muted' }, 'Verdict '), verdictBadge(null)));
  }
  const method = methodOf(verdict.method);
  const steps = [...(verdict.explanation || [])];
  const cause = steps.length && isCause(steps[0], label) ? steps.shift() : null;
  return h('div', { class: `verdict verdict-${verdict.label}`, 'data-verdict': verdict.label },
    h('p', { class: 'verdict-head' }, h('span', { class: 'muted' }, 'Verdict '), verdictBadge(verdict),
      h('span', { class: 'verdict-method' }, ' by ', method)),
    cause ? h('p', { class: 'verdict-cause' }, visibleText(cause, 'verdict-cause-text')) : null,
    steps.length ? h('ol', { class: 'verdict-path', 'aria-label': 'Why' },
      steps.map((step) => h('li', {}, visibleText(step, 'verdict-step')))) : null);
}

/** How the verdict was reached: the model, an admin's override (its explanation says who and why), or the threshold. */
function methodOf(method) {
  if (method.startsWith('model:')) {
    return h('a', { href: '#/models' }, `decision tree (model ${method.slice('model:'.length)})`);
  }
  if (method === 'override') {
    return h('a', { href: '#/admin/overrides' }, 'an admin\'s override');
  }
  return 'detection threshold (no model adopted)';
}

/** A path line: the step names something inside the file (" › "), or the file itself ("locked.zip: …"). */
function isCause(step, label) {
  return step.includes(' › ') || Boolean(label && step.startsWith(`${label}: `));
}

export function percent(value) {
  return `${Math.round((value || 0) * 100)}%`;
}
