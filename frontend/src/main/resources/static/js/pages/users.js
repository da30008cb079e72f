// #/admin/users: users and their keys (GET/POST /api/v1/users, PATCH /api/v1/users/{name}, the keys API).
// Admins only: the API answers 403 to anyone else and the page shows that problem. #/admin/users?user=NAME opens
// that user's keys and quotas.
import { call } from '../api.js';
import { ago, announce, badge, dateTime, fill, h, heading, loading, problem, setTitle, table } from '../ui.js';

const ROLES = ['ADMIN', 'ANALYST', 'READER'];
const LIMITS = [
  ['scans-per-day', 'Scans per day'],
  ['bytes-per-day', 'Bytes per day'],
  ['concurrent-scans', 'Concurrent scans'],
  ['event-streams', 'Open event streams'],
];
const path = (username) => `/users/${encodeURIComponent(username)}`;

export function render(main, { query: params }) {
  setTitle('Users and keys');
  const listing = h('div', { class: 'listing' }, loading('Loading users…'));
  const status = h('div', { role: 'status' });
  const detail = h('section', { class: 'card', hidden: true });
  const secret = h('div'); // a new key's secret stays shown while the list reloads
  let selected = params.get('user'); // #/admin/users?user=ana opens that user's keys and quotas

  async function refresh() {
    try {
      const users = await call('GET', '/users');
      fill(listing, userTable(users));
      const current = users.find((user) => user.username === selected);
      if (current) {
        showDetail(current);
      } else {
        detail.hidden = true;
      }
    } catch (error) {
      fill(listing, problem(error, 'Users could not be loaded'));
    }
  }

  /** Runs a change, shows its problem if it fails, and reloads the list. */
  async function change(action, done) {
    fill(status);
    try {
      const result = await action();
      if (done) {
        announce(done);
      }
      await refresh();
      return result;
    } catch (error) {
      fill(status, problem(error, 'The change was refused'));
      return null;
    }
  }

  function userTable(users) {
    return table([
      { label: 'User', class: 'col-name', cell: (user) => h('code', {}, user.username) },
      { label: 'Role', cell: (user) => roleSelect(user) },
      { label: 'Status', cell: (user) => (user.enabled ? badge('online', 'enabled') : badge('offline', 'disabled')) },
      { label: 'Keys', class: 'col-num', cell: (user) => String(user.keys) },
      { label: 'Last use', cell: (user) => (user.lastUsedAt ? ago(user.lastUsedAt) : 'never') },
      { label: 'Created', cell: (user) => dateTime(user.createdAt) },
      { label: 'Actions', cell: (user) => [
        button(user.enabled ? 'Disable' : 'Enable', () => change(
          () => call('PATCH', path(user.username), { enabled: !user.enabled }),
          `${user.username} ${user.enabled ? 'disabled' : 'enabled'}`), user.enabled),
        ' ',
        button('Keys and quotas', () => {
          if (selected !== user.username) {
            fill(secret);
          }
          selected = user.username;
          showDetail(user);
          detail.scrollIntoView({ block: 'nearest' });
        }),
      ] },
    ], users, { caption: 'Users', empty: 'No users.' }).element;
  }

  function roleSelect(user) {
    const select = h('select', { 'aria-label': `Role of ${user.username}` },
      ROLES.map((role) => h('option', { value: role, selected: role === user.role }, role)));
    select.addEventListener('change', () => change(
      () => call('PATCH', path(user.username), { role: select.value }),
      `${user.username} is now ${select.value}`));
    return select;
  }

  async function showDetail(user) {
    detail.hidden = false;
    const keys = h('div', { class: 'listing' }, loading('Loading keys…'));
    fill(detail,
      h('div', { class: 'card-head' }, h('h2', {}, `Keys of ${user.username}`),
        button('Revoke all keys', () => {
          if (window.confirm(`Revoke every key of ${user.username}? Its sessions and scripts stop working.`)) {
            change(() => call('DELETE', `${path(user.username)}/keys`), `all keys of ${user.username} revoked`);
          }
        }, true)),
      keys, secret, newKeyForm(user.username), quotaForm(user));
    try {
      fill(keys, keyTable(user.username, await call('GET', `${path(user.username)}/keys`)));
    } catch (error) {
      fill(keys, problem(error, 'Keys could not be loaded'));
    }
  }

  function keyTable(username, keys) {
    return table([
      { label: 'Name', class: 'col-name', cell: (key) => key.name },
      { label: 'Created', cell: (key) => dateTime(key.createdAt) },
      { label: 'Last use', cell: (key) => (key.lastUsedAt ? ago(key.lastUsedAt) : 'never') },
      { label: 'Expires', cell: (key) => (key.expiresAt ? dateTime(key.expiresAt) : 'never') },
      { label: 'Actions', cell: (key) => button('Revoke', () => {
        if (window.confirm(`Revoke the key '${key.name}' of ${username}?`)) {
          change(() => call('DELETE', `/keys/${encodeURIComponent(key.id)}`), `key ${key.name} revoked`);
        }
      }, true) },
    ], keys, { caption: `Keys of ${username}`, empty: 'No active key.' }).element;
  }

  function newKeyForm(username) {
    const form = h('form', { class: 'inline-form' },
      h('label', { for: 'key-name' }, 'New key'), ' ',
      h('input', { id: 'key-name', name: 'name', required: true, maxlength: '100', placeholder: 'name, e.g. laptop' }),
      ' ', h('label', { for: 'key-days' }, 'expires in days'), ' ',
      h('input', { id: 'key-days', name: 'days', type: 'number', min: '1', max: '3650', placeholder: 'never' }),
      ' ', h('button', { type: 'submit', class: 'button' }, 'Create key'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const days = form.elements.days.value.trim();
      const body = { name: form.elements.name.value.trim() };
      if (days) {
        body.expiresInDays = Number.parseInt(days, 10);
      }
      const key = await change(() => call('POST', `${path(username)}/keys`, body), `key ${body.name} created`);
      if (key) {
        fill(secret, shownOnce(key));
      }
    });
    return form;
  }

  function quotaForm(user) {
    const inputs = LIMITS.map(([limit, label]) => [limit, h('input', {
      id: `quota-${limit}`, type: 'number', min: '0', placeholder: 'default',
      value: user.quotas[limit] === undefined ? '' : String(user.quotas[limit]),
    }), label]);
    const form = h('form', { class: 'inline-form' },
      h('h3', {}, 'Quotas'),
      h('p', { class: 'hint' }, 'Empty: the server default (argus.quota.*). 0: unlimited.'),
      inputs.map(([limit, input, label]) => h('p', {}, h('label', { for: `quota-${limit}` }, label), ' ', input)),
      h('button', { type: 'submit', class: 'button' }, 'Save quotas'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const quotas = {};
      inputs.forEach(([limit, input]) => {
        quotas[limit] = input.value.trim() === '' ? null : Number.parseInt(input.value, 10);
      });
      change(() => call('PATCH', path(user.username), { quotas }), `quotas of ${user.username} saved`);
    });
    return form;
  }

  const create = h('form', { class: 'inline-form' },
    h('label', { for: 'new-username' }, 'Username'), ' ',
    h('input', { id: 'new-username', name: 'username', required: true, maxlength: '64',
      pattern: '[a-z0-9][a-z0-9._\\-]{0,63}', autocomplete: 'off', spellcheck: 'false' }), ' ',
    h('label', { for: 'new-role' }, 'Role'), ' ',
    h('select', { id: 'new-role', name: 'role' }, ROLES.map((role) => h('option', { value: role,
      selected: role === 'ANALYST' }, role))), ' ',
    h('button', { type: 'submit', class: 'button button-primary' }, 'Create user'));
  const created = h('div');
  create.addEventListener('submit', async (event) => {
    event.preventDefault();
    const username = create.elements.username.value.trim();
    const user = await change(() => call('POST', '/users', { username, role: create.elements.role.value }));
    if (!user) {
      return;
    }
    const key = await change(() => call('POST', `${path(username)}/keys`, { name: 'first key' }),
      `user ${username} created`);
    if (key) {
      create.reset();
      fill(created, shownOnce(key));
    }
  });

  main.append(heading('Users and keys'),
    h('section', { class: 'card' }, h('h2', {}, 'New user'), create, created),
    status,
    detail,
    h('section', { class: 'card' }, listing));
  refresh();
}

/** A new key's secret, which the server shows only in this response. */
function shownOnce(key) {
  return h('div', { class: 'key-secret', role: 'status' },
    h('strong', {}, `Key '${key.name}' – copy it now, it is not shown again:`),
    h('p', {}, h('code', { class: 'hash' }, key.key)),
    key.expiresAt ? h('p', {}, `Expires ${dateTime(key.expiresAt)}.`) : null);
}

function button(label, onClick, danger = false) {
  const element = h('button', { type: 'button', class: `button button-small${danger ? ' button-danger' : ''}` },
    label);
  element.addEventListener('click', onClick);
  return element;
}
