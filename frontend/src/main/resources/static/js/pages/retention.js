// #/admin/retention: the retention settings in force and the last runs (GET /api/v1/admin/retention), a run now
// (POST /api/v1/admin/retention/run), legal holds (GET /api/v1/admin/legal-holds, PUT|DELETE
// /api/v1/files/{hash}/legal-hold) and deleting a file by hash after a confirm step (DELETE /api/v1/files/{hash}).
// Admins only: the API refuses anyone else with 403, which the page shows.
import { call, query } from '../api.js';
import { dateTime, fill, h, heading, loading, mono, problem, setTitle, table } from '../ui.js';

const id = (value) => encodeURIComponent(value);

export function render(main) {
  setTitle('Retention');
  const settings = h('div', {}, loading('Loading the retention settings…'));
  const runs = h('div', { class: 'listing' });
  const holds = h('div', { class: 'listing' }, loading('Loading the legal holds…'));
  const runNow = runNowSection(() => loadStatus(settings, runs));
  main.append(heading('Retention'),
    h('p', { class: 'lead' }, 'What Argus deletes by itself, what it must keep, and deleting a file for good.'),
    h('section', { class: 'card', 'aria-labelledby': 'retention-settings' },
      h('h2', { id: 'retention-settings' }, 'Settings in force'),
      settings,
      h('p', { class: 'hint' }, 'Set with argus.retention.* (docs/operations.md); a restart applies a change.')),
    h('section', { class: 'card', 'aria-labelledby': 'retention-runs' },
      h('h2', { id: 'retention-runs' }, 'Last runs'), runNow, runs),
    h('section', { class: 'card', 'aria-labelledby': 'retention-holds' },
      h('h2', { id: 'retention-holds' }, 'Legal holds'),
      h('p', { class: 'hint' }, 'A held file is never deleted by retention, keeps its scans, and can only be '
        + 'deleted by hash with “even if held”.'),
      holdForm(() => loadHolds(holds)), holds),
    h('section', { class: 'card', 'aria-labelledby': 'retention-delete' },
      h('h2', { id: 'retention-delete' }, 'Delete a file'),
      deleteForm()));
  loadStatus(settings, runs);
  loadHolds(holds);
}

function loadStatus(settings, runs) {
  call('GET', '/admin/retention').then((status) => {
    fill(settings, h('dl', { class: 'facts' },
      fact('Scheduled job', status.enabled ? `on, every ${humanDuration(status.interval)}` : 'off (run it here)'),
      fact('Files', status.filesUnseenFor
        ? `deleted when not seen for ${humanDuration(status.filesUnseenFor)}` : 'kept for ever'),
      fact('Scans and results', status.scansOlderThan
        ? `deleted when older than ${humanDuration(status.scansOlderThan)}` : 'kept for ever'),
      fact('Orphaned store files', status.orphanSweep
        ? `deleted when older than ${humanDuration(status.orphanGrace)}` : 'kept (sweep off)')));
    fill(runs, table([
      { label: 'When', cell: (event) => dateTime(event.at) },
      { label: 'Who', cell: (event) => event.actor },
      { label: 'Removed', cell: (event) => event.detail || '–' },
    ], status.lastRuns, { caption: 'Last retention runs, newest first', empty: 'Retention has not run yet.' })
      .element);
  }).catch((error) => fill(settings, problem(error, 'The retention settings could not be loaded')));
}

function runNowSection(afterRun) {
  const outcome = h('div', { role: 'status' });
  const button = h('button', { type: 'button', class: 'button' }, 'Run retention now');
  button.addEventListener('click', async () => {
    button.disabled = true;
    fill(outcome, loading('Running retention…'));
    try {
      const run = await call('POST', '/admin/retention/run');
      fill(outcome, h('p', {}, `Removed ${run.files} file(s) (${run.fileBytes} bytes), ${run.scans} scan(s) `
        + `with ${run.results} result(s), ${run.orphans} orphaned store file(s) (${run.orphanBytes} bytes).`));
      afterRun();
    } catch (error) {
      fill(outcome, problem(error, 'Retention did not run'));
    } finally {
      button.disabled = false;
    }
  });
  return h('div', {}, button, outcome);
}

function loadHolds(holds) {
  call('GET', '/admin/legal-holds').then((list) => {
    fill(holds, table([
      { label: 'File', class: 'col-name', cell: (hold) => h('a', { href: `#/files/${hold.sha256}` }, mono(hold.sha256)) },
      { label: 'Reason', cell: (hold) => hold.reason || '–' },
      { label: 'Placed by', cell: (hold) => hold.placedBy },
      { label: 'Placed', cell: (hold) => dateTime(hold.placedAt) },
      { label: 'Lift', cell: (hold) => liftButton(hold.sha256, () => loadHolds(holds)) },
    ], list, { caption: 'Files on legal hold', empty: 'No file is on legal hold.' }).element);
  }).catch((error) => fill(holds, problem(error, 'The legal holds could not be loaded')));
}

function liftButton(sha256, afterLift) {
  const errors = h('span', {});
  const button = h('button', { type: 'button', class: 'button button-small' }, 'Lift');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await call('DELETE', `/files/${id(sha256)}/legal-hold`);
      afterLift();
    } catch (error) {
      button.disabled = false;
      fill(errors, problem(error, 'The hold was not lifted'));
    }
  });
  return h('span', {}, button, errors);
}

function holdForm(afterPlace) {
  const errors = h('div', {});
  const form = h('form', { class: 'inline-form' },
    h('label', { for: 'hold-hash' }, 'Hash'), ' ',
    h('input', { id: 'hold-hash', name: 'hash', required: true, placeholder: 'md5, sha1 or sha256',
      autocomplete: 'off', spellcheck: 'false' }), ' ',
    h('label', { for: 'hold-reason' }, 'Reason'), ' ',
    h('input', { id: 'hold-reason', name: 'reason', maxlength: 500, placeholder: 'e.g. case 2026-17' }), ' ',
    h('button', { type: 'submit', class: 'button' }, 'Place hold'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    fill(errors);
    try {
      await call('PUT', `/files/${id(form.elements.hash.value.trim())}/legal-hold`,
        { reason: form.elements.reason.value.trim() || null });
      form.reset();
      afterPlace();
    } catch (error) {
      fill(errors, problem(error, 'The hold was not placed'));
    }
  });
  return h('div', {}, form, errors);
}

function deleteForm() {
  const target = h('div', {});
  const form = h('form', { class: 'inline-form' },
    h('label', { for: 'delete-hash' }, 'Hash'), ' ',
    h('input', { id: 'delete-hash', name: 'hash', required: true, placeholder: 'md5, sha1 or sha256',
      autocomplete: 'off', spellcheck: 'false' }), ' ',
    h('button', { type: 'submit', class: 'button' }, 'Delete…'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const hash = form.elements.hash.value.trim();
    fill(target, deleteFileControl(hash, () => {
      form.reset();
      fill(target, h('p', { role: 'status' }, 'Deleted: ', mono(hash), ' now answers 404.'));
    }));
  });
  return h('div', {}, form, target);
}

/**
 * The confirm step of deleting a file: says what goes, then deletes on "Delete for good" (with force when "even if
 * held" is ticked) and calls onDeleted. Also used by the file page.
 */
export function deleteFileControl(hash, onDeleted) {
  const errors = h('div', {});
  const force = h('input', { id: 'delete-force', type: 'checkbox' });
  const confirm = h('button', { type: 'button', class: 'button button-danger' }, 'Delete for good');
  const box = h('div', { class: 'alert', role: 'alertdialog', 'aria-labelledby': 'delete-question' },
    h('p', { id: 'delete-question' }, 'Delete ', mono(hash), '? Its bytes, names, labels, results and what was '
      + 'found inside it go; scans left with no file go too. This cannot be undone.'),
    h('p', {}, force, ' ', h('label', { for: 'delete-force' }, 'even if held (lifts a legal hold)')),
    confirm, ' ',
    h('button', { type: 'button', class: 'button', onclick: () => box.remove() }, 'Cancel'),
    errors);
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    fill(errors);
    try {
      await call('DELETE', `/files/${id(hash)}${query({ force: force.checked ? 'true' : undefined })}`);
      onDeleted();
    } catch (error) {
      confirm.disabled = false;
      fill(errors, problem(error, 'The file was not deleted'));
    }
  });
  return box;
}

function fact(label, value) {
  return [h('dt', {}, label), h('dd', {}, value)];
}

/** An ISO-8601 duration as Spring writes it (PT720H, PT30M, PT1.5S) in days, hours and minutes. */
export function humanDuration(iso) {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso || '');
  if (!match) {
    return iso || '–';
  }
  const total = (Number(match[1] || 0) * 3600) + (Number(match[2] || 0) * 60) + Number(match[3] || 0);
  const parts = [];
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  if (days) parts.push(`${days} day${days === 1 ? '' : 's'}`);
  if (hours) parts.push(`${hours} hour${hours === 1 ? '' : 's'}`);
  if (minutes) parts.push(`${minutes} minute${minutes === 1 ? '' : 's'}`);
  return parts.length ? parts.join(' ') : `${Math.round(total)} seconds`;
}
