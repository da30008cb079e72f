// #/admin/audit: the audit log, newest first, filterable by action (GET /api/v1/admin/audit).
import { call, query } from '../api.js';
import { dateTime, fill, h, heading, loading, pager, problem, setTitle, table } from '../ui.js';

export function render(main, { query: params }) {
  setTitle('Audit log');
  const page = Math.max(0, Number.parseInt(params.get('page') || '0', 10) || 0);
  const action = params.get('action') || '';
  const form = h('form', { class: 'inline-form', role: 'search' },
    h('label', { for: 'audit-action' }, 'Action'), ' ',
    h('input', { id: 'audit-action', name: 'action', value: action, placeholder: 'e.g. file-deleted',
      autocomplete: 'off', spellcheck: 'false' }), ' ',
    h('button', { type: 'submit', class: 'button' }, 'Filter'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = form.elements.action.value.trim();
    location.hash = `#/admin/audit${value ? `?action=${encodeURIComponent(value)}` : ''}`;
  });
  const listing = h('div', { class: 'listing' }, loading('Loading the audit log…'));
  main.append(heading('Audit log'), form, h('section', { class: 'card' }, listing));
  call('GET', `/admin/audit${query({ action, page, size: 50 })}`).then((result) => {
    const rows = table([
      { label: 'When', cell: (event) => dateTime(event.at) },
      { label: 'Who', cell: (event) => event.actor },
      { label: 'Action', cell: (event) => h('code', {}, event.action) },
      { label: 'Target', class: 'col-name', cell: (event) => h('code', { class: 'hash' }, event.target) },
      { label: 'Detail', cell: (event) => event.detail || '–' },
    ], result.items, { caption: 'Audit log', empty: 'No admin action recorded yet.' }).element;
    const base = `#/admin/audit?${action ? `action=${encodeURIComponent(action)}&` : ''}page=`;
    fill(listing, rows, pager(result, (n) => `${base}${n}`, 'events'));
  }).catch((error) => fill(listing, problem(error, 'The audit log could not be loaded')));
}
