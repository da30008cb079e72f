// #/admin: links to the admin pages. Every admin page is refused by the API (403) to a non-admin, and says so.
import { h, heading, setTitle } from '../ui.js';

const PAGES = [
  ['#/admin/users', 'Users and keys', 'List users, change a role, disable or re-enable a user, revoke keys.'],
  ['#/admin/overrides', 'Overrides', 'Allow-list or block-list a file, mark an engine\'s threat name as a false positive.'],
  ['#/admin/retention', 'Retention', 'How long files and scans are kept, legal holds, the last retention runs.'],
  ['#/admin/audit', 'Audit log', 'Who deleted, overrode, changed a role or adopted a model, and when.'],
];

export function render(main) {
  setTitle('Admin');
  main.append(heading('Admin'), h('p', { class: 'lead' }, 'Settings that change what every user sees. Admins only.'),
    h('ul', { class: 'card admin-links' }, ...PAGES.map(([href, title, text]) =>
      h('li', {}, h('a', { href }, title), ' – ', text))));
}
