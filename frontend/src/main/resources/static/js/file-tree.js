// The files of a scan as a tree (archives and what was found in them), member paths shown safely, and the
// extraction status of a container as a badge.
import { h } from './ui.js';

/**
 * Arranges a scan's files (roots first, each member somewhere after its container) as a forest:
 * [{file, depth, children: [...]}]. Built defensively from the `parent` links: a file listed twice counts
 * once, a parent that is not in the list makes the file a root, and a loop of parents never loops here (its
 * first file in list order becomes a root).
 */
export function buildTree(files) {
  const bySha = new Map();
  for (const file of files || []) {
    if (file && file.sha256 && !bySha.has(file.sha256)) {
      bySha.set(file.sha256, file);
    }
  }
  const parentOf = (file) => (file.parent && file.parent !== file.sha256 && bySha.has(file.parent)
    ? file.parent : null);
  const children = new Map();
  for (const file of bySha.values()) {
    const parent = parentOf(file);
    if (parent) {
      if (!children.has(parent)) {
        children.set(parent, []);
      }
      children.get(parent).push(file);
    }
  }
  const placed = new Set();
  // Iterative, so that a very deep chain cannot overflow the call stack.
  const grow = (file) => {
    const root = { file, depth: 0, children: [] };
    placed.add(file.sha256);
    const stack = [root];
    while (stack.length) {
      const node = stack.pop();
      for (const child of children.get(node.file.sha256) || []) {
        if (!placed.has(child.sha256)) {
          placed.add(child.sha256);
          const grown = { file: child, depth: node.depth + 1, children: [] };
          node.children.push(grown);
          stack.push(grown);
        }
      }
    }
    return root;
  };
  const roots = [];
  for (const file of bySha.values()) {
    if (!parentOf(file)) {
      roots.push(grow(file));
    }
  }
  for (const file of bySha.values()) {
    if (!placed.has(file.sha256)) {
      roots.push(grow(file)); // part of a loop of parents, or below one
    }
  }
  return roots;
}

/** Every node of a forest, depth first, in display order. */
export function flatten(nodes) {
  const all = [];
  const stack = [...nodes].reverse();
  while (stack.length) {
    const node = stack.pop();
    all.push(node);
    stack.push(...[...node.children].reverse());
  }
  return all;
}

/** Characters that are invisible or reorder text: control, bidi formatting, zero-width, line separators. */
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;
const HIDDEN_ALL = new RegExp(HIDDEN.source, 'gu');

/**
 * A name or member path as inert, visible text: a span of text nodes in which every invisible or reordering
 * character (a right-to-left override, a zero-width space, a newline) shows as a marked "U+202E" instead of
 * acting. Never interpreted as markup or as a path.
 */
export function visibleText(text, className = 'member-path') {
  const span = h('span', { class: className, dir: 'ltr' });
  const value = String(text ?? '');
  let last = 0;
  for (const match of value.matchAll(HIDDEN_ALL)) {
    if (match.index > last) {
      span.append(document.createTextNode(value.slice(last, match.index)));
    }
    const code = match[0].codePointAt(0).toString(16).toUpperCase().padStart(4, '0');
    span.append(h('span', { class: 'escaped-char', title: 'an invisible or text-reordering character' },
      `U+${code}`));
    last = match.index + match[0].length;
  }
  if (last < value.length) {
    span.append(document.createTextNode(value.slice(last)));
  }
  return span;
}

/**
 * The same as plain text, for places that take a string (a caption, the page title): every invisible or reordering
 * character written as "U+202E".
 */
export function visiblePlainText(text) {
  return String(text ?? '').replace(HIDDEN_ALL,
    (c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** Letters of the scripts that share look-alike letters ("pаypal" with a Cyrillic а reads as "paypal"). */
const CONFUSABLE = { Latin: /\p{Script=Latin}/u, Cyrillic: /\p{Script=Cyrillic}/u, Greek: /\p{Script=Greek}/u };

/** The confusable scripts mixed in one word of the text ("Latin and Cyrillic"), or null. */
export function mixedScripts(text) {
  for (const word of String(text ?? '').split(/[^\p{L}\p{M}]+/u)) {
    const scripts = Object.keys(CONFUSABLE).filter((script) => [...word].some((c) => CONFUSABLE[script].test(c)));
    if (scripts.length > 1) {
      return scripts.join(' and ');
    }
  }
  return null;
}

/**
 * A file name as data (it is kept exactly as submitted): inert, visible text as visibleText makes it, followed by a
 * warning when a word mixes look-alike scripts, the mark of a homoglyph name.
 */
export function fileNameText(name, className = 'file-name') {
  const mixed = mixedScripts(name);
  return h('span', { class: 'name-data' }, visibleText(name, className),
    mixed ? h('span', { class: 'badge badge-name-warning', title: 'letters that look alike but are not '
      + 'the same: this name may imitate another' }, `mixes ${mixed} letters`) : null);
}

/** True when the text holds a character visibleText shows escaped. */
export const hasHiddenCharacters = (text) => HIDDEN.test(String(text ?? ''));

/** Statuses that mean part of a container's content was not scanned: shown as warnings. */
const UNSCANNED = new Set(['encrypted', 'limit-exceeded', 'failed']);

/**
 * The extraction status of a container as a badge: "extracted · 3 members", or a warning for
 * encrypted, limit-exceeded and failed (content not scanned). Null for a file that is no container.
 */
export function extractionBadge(extraction) {
  if (!extraction || !extraction.status) {
    return null;
  }
  const { status } = extraction;
  const members = Number.isFinite(extraction.members) ? extraction.members : null;
  if (UNSCANNED.has(status)) {
    return h('span', { class: `badge badge-extract badge-extract-warn badge-extract-${status}`,
      'data-extraction': status, title: 'Part of its content was not scanned' },
    h('span', { 'aria-hidden': 'true' }, '⚠ '), status);
  }
  const text = status === 'extracted' && members !== null
    ? `extracted · ${members} ${members === 1 ? 'member' : 'members'}`
    : status;
  return h('span', { class: `badge badge-extract badge-extract-${status}`, 'data-extraction': status }, text);
}

/** The extraction's detail as a line of text (a warning for unscanned content), or null. */
export function extractionNote(extraction) {
  if (!extraction || !extraction.status) {
    return null;
  }
  const warn = UNSCANNED.has(extraction.status);
  if (!extraction.detail && !warn) {
    return null;
  }
  return h('p', { class: `extraction-note${warn ? ' warn' : ''}` },
    warn ? 'Not all of its content was scanned' : null,
    warn && extraction.detail ? ': ' : null,
    extraction.detail ? visibleText(extraction.detail, 'extraction-detail') : null,
    warn && !extraction.detail ? '.' : null);
}

export const isUnscanned = (extraction) => Boolean(extraction && UNSCANNED.has(extraction.status));
