// DOM building and formatting helpers. Text always goes in as text nodes, never as HTML.

export const CATEGORIES = ['malicious', 'suspicious', 'undetected', 'harmless', 'timeout', 'failure',
  'type-unsupported'];

/** Creates an element: props are attributes, except class, text and on* listeners. */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'class') {
      element.className = value;
    } else if (key === 'text') {
      element.textContent = value;
    } else if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces an element's children; like append, skips null and flattens arrays. */
export function fill(element, ...children) {
  element.replaceChildren();
  return append(element, children);
}

export function badge(kind, text) {
  return h('span', { class: `badge badge-${kind}` }, text);
}

export const categoryBadge = (category) => badge(`cat-${category}`, category);
export const statusBadge = (status) => badge(`status-${status}`, status);

export function bytes(size) {
  if (size === undefined || size === null) {
    return '–';
  }
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** A <time> element showing the local date and time; the ISO instant is in datetime and title. */
export function dateTime(iso) {
  if (!iso) {
    return h('span', { class: 'muted' }, '–');
  }
  return h('time', { datetime: iso, title: iso }, dateTimeFormat.format(new Date(iso)));
}

/** "12 seconds ago" style text, as a <time> element with the full date in its title. */
export function ago(iso, now = Date.now()) {
  if (!iso) {
    return h('span', { class: 'muted' }, 'never');
  }
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const steps = [[60, 'second'], [60, 'minute'], [24, 'hour'], [365, 'day'], [Infinity, 'year']];
  let value = seconds;
  let text = '';
  for (const [size, unit] of steps) {
    if (Math.abs(value) < size) {
      text = relativeFormat.format(Math.round(value), unit);
      break;
    }
    value /= size;
  }
  return h('time', { datetime: iso, title: dateTimeFormat.format(new Date(iso)) }, text);
}

export function duration(ms) {
  if (ms === undefined || ms === null) {
    return '–';
  }
  if (ms < 1000) {
    return `${ms} ms`;
  }
  if (ms < 60_000) {
    return `${(ms / 1000).toFixed(1)} s`;
  }
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Category counts of a results map ({probe: result}), like the API's stats. */
export function statsOf(results) {
  const stats = Object.fromEntries(CATEGORIES.map((category) => [category, 0]));
  for (const result of Object.values(results || {})) {
    stats[result.category] = (stats[result.category] || 0) + 1;
  }
  return stats;
}

/** Engines that flagged the file: malicious or suspicious. */
export function flagged(stats) {
  return (stats?.malicious || 0) + (stats?.suspicious || 0);
}

/** The colour of a ratio: malicious, suspicious, clean (every engine answered, none flagged) or pending. */
export function tone(stats, complete) {
  if (stats?.malicious) {
    return 'malicious';
  }
  if (stats?.suspicious) {
    return 'suspicious';
  }
  return complete ? 'clean' : 'pending';
}

/** The detection ratio, e.g. "1 / 3" with the caption "engines flagged this file". */
export function ratio(stats, engines, complete, caption = 'engines flagged this file') {
  const count = flagged(stats);
  return h('div', { class: `ratio tone-${tone(stats, complete)}` },
    h('span', { class: 'ratio-value' }, h('strong', {}, String(count)), ` / ${engines}`),
    h('span', { class: 'ratio-caption' }, caption));
}

/** A short "1 malicious · 2 undetected" line of the non-zero categories. */
export function breakdown(stats, pending = 0) {
  const parts = CATEGORIES.filter((category) => stats?.[category])
    .map((category) => h('span', { class: `count count-${category}` }, `${stats[category]} ${category}`));
  if (pending) {
    parts.push(h('span', { class: 'count count-pending' }, `${pending} pending`));
  }
  if (!parts.length) {
    return h('p', { class: 'breakdown muted' }, 'no result yet');
  }
  const line = h('p', { class: 'breakdown' });
  parts.forEach((part, index) => append(line, [index ? ' · ' : '', part]));
  return line;
}

/**
 * A data table that becomes stacked label/value rows on a narrow screen. columns: [{label, cell(item),
 * class}]; returns {element, tbody, row(item)}.
 */
export function table(columns, items, { caption, empty = 'Nothing to show.', live = false, className = '' } = {}) {
  const row = (item) => h('tr', {},
    columns.map((column) => h('td', { 'data-label': column.label, class: column.class }, column.cell(item))));
  const tbody = h('tbody', live ? { 'aria-live': 'polite', 'aria-relevant': 'additions text' } : {},
    items.map(row));
  if (!items.length && empty) {
    return { element: h('p', { class: 'empty' }, empty), tbody, row };
  }
  const element = h('div', { class: 'table-wrap' },
    h('table', { class: `data ${className}`.trim() },
      caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
      h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col', class: column.class },
        column.label)))),
      tbody));
  return { element, tbody, row };
}

/** Previous / next links for a paged listing; href(page) builds a route. */
export function pager({ page, size, total }, href, noun = 'items') {
  const pages = Math.max(1, Math.ceil(total / size));
  const link = (target, label, rel) => (target >= 0 && target < pages
    ? h('a', { class: 'button button-quiet', href: href(target), rel }, label)
    : h('span', { class: 'button button-quiet', 'aria-disabled': 'true' }, label));
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    link(page - 1, '← Previous', 'prev'),
    h('span', { class: 'pager-position' }, `Page ${page + 1} of ${pages} · ${total} ${noun}`),
    link(page + 1, 'Next →', 'next'));
}

/** An error box for an ApiError (or any error). */
export function problem(error, context) {
  return h('div', { class: 'alert', role: 'alert' },
    h('strong', {}, context ? `${context}: ${error.title || 'Error'}` : (error.title || 'Error')),
    error.detail ? h('p', {}, error.detail) : null);
}

export function loading(text = 'Loading…') {
  return h('p', { class: 'loading', role: 'status' }, text);
}

/** An inline SVG icon (decorative): paths in a 24x24 box, drawn with the current colour. */
export function icon(paths, className) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', className);
  for (const d of paths) {
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', '1.8');
    path.setAttribute('stroke-linecap', 'round');
    path.setAttribute('stroke-linejoin', 'round');
    svg.append(path);
  }
  return svg;
}

/** A hash in monospace that wraps anywhere. */
export const mono = (text, props = {}) => h('code', { class: 'hash', ...props }, text);

export function shortHash(hash) {
  return hash ? `${hash.slice(0, 12)}…` : '';
}

/** The page's main heading; focused after navigation so keyboard and screen reader users start there. */
export function heading(text, ...extra) {
  return h('h1', { tabindex: '-1' }, text, extra);
}

/** Sets the document title for the current page. */
export function setTitle(text) {
  document.title = text ? `${text} · Argus` : 'Argus';
}

/** Says something to screen reader users through the page's polite live region. */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (region) {
    region.textContent = '';
    setTimeout(() => { region.textContent = text; }, 50);
  }
}
