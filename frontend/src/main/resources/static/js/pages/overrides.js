// #/admin/overrides: the overrides in force (GET /api/v1/overrides), a form to set one (POST) and a button to lift
// each (DELETE /api/v1/overrides/{id}). Setting and lifting are for admins; the API answers others 403.
import { call } from '../api.js';
import { dateTime, fill, h, heading, loading, problem, setTitle, table } from '../ui.js';

const WHAT = {
  allow: 'Allow-list the file (clean)',
  block: 'Block-list the file (malicious)',
  'false-positive': 'An engine\'s threat name is a false positive',
};

export function render(main) {
  setTitle('Overrides');
  const listing = h('div', { class: 'listing' }, loading('Loading the overrides…'));
  const errors = h('div', {});
  main.append(heading('Overrides'),
    h('p', { class: 'lead' }, 'An override changes the verdict of every scan of a file, past and future, and the '
      + 'verdict names who set it and why. A false positive turns one engine\'s detection of one threat name into '
      + '"undetected" on every file.'),
    h('section', { class: 'card', 'aria-labelledby': 'override-form-title' },
      h('h2', { id: 'override-form-title' }, 'Set an override'),
      overrideForm(() => load(listing, errors), errors)),
    h('section', { class: 'card', 'aria-labelledby': 'override-list-title' },
      h('h2', { id: 'override-list-title' }, 'In force'), errors, listing));
  load(listing, errors);
}

function load(listing, errors) {
  call('GET', '/overrides').then((overrides) => fill(listing, table([
    { label: 'Override', class: 'col-name', cell: target },
    { label: 'Action', cell: (o) => h('code', {}, o.action) },
    { label: 'Reason', cell: (o) => o.reason },
    { label: 'By', cell: (o) => o.createdBy },
    { label: 'When', cell: (o) => dateTime(o.createdAt) },
    { label: 'Lift', cell: (o) => liftButton(o, () => load(listing, errors), errors) },
  ], overrides, { caption: 'Overrides in force', empty: 'No override is in force.' }).element))
    .catch((error) => fill(listing, problem(error, 'The overrides could not be loaded')));
}

function target(override) {
  if (override.sha256) {
    return h('a', { href: `#/files/${encodeURIComponent(override.sha256)}` },
      h('code', { class: 'hash' }, override.sha256));
  }
  return [h('code', {}, override.engine), ' ', h('code', {}, override.threat)];
}

function liftButton(override, reload, errors) {
  const button = h('button', { type: 'button', class: 'button button-small' }, 'Lift');
  button.addEventListener('click', async () => {
    button.disabled = true;
    fill(errors);
    try {
      await call('DELETE', `/overrides/${encodeURIComponent(override.id)}`);
      reload();
    } catch (error) {
      button.disabled = false;
      fill(errors, problem(error, 'The override was not lifted'));
    }
  });
  return button;
}

/** The form: the action decides whether a sha256 or an engine and a threat name are asked for. */
function overrideForm(reload, listErrors) {
  const errors = h('div', {});
  const field = (id, label, input) => h('div', { class: 'field' }, h('label', { for: id }, label), input);
  const action = h('select', { id: 'override-action', name: 'action' },
    Object.entries(WHAT).map(([value, text]) => h('option', { value }, text)));
  const sha256 = h('input', { id: 'override-sha256', name: 'sha256', type: 'text', maxlength: 64,
    autocomplete: 'off', spellcheck: 'false', placeholder: '64 hexadecimal digits' });
  const engine = h('input', { id: 'override-engine', name: 'engine', type: 'text', maxlength: 64,
    autocomplete: 'off', spellcheck: 'false', placeholder: 'e.g. clamav' });
  const threat = h('input', { id: 'override-threat', name: 'threat', type: 'text', maxlength: 300,
    autocomplete: 'off', spellcheck: 'false', placeholder: 'e.g. Eicar-Test-Signature' });
  const reason = h('input', { id: 'override-reason', name: 'reason', type: 'text', maxlength: 500,
    required: true, placeholder: 'why, for everyone who reads the verdict' });
  const fileFields = field('override-sha256', 'SHA-256', sha256);
  const pairFields = [field('override-engine', 'Engine (probe name)', engine),
    field('override-threat', 'Threat name, exactly as the engine reports it', threat)];
  const show = () => {
    const onFile = action.value !== 'false-positive';
    fileFields.hidden = !onFile;
    pairFields.forEach((each) => { each.hidden = onFile; });
  };
  action.addEventListener('change', show);
  show();
  const submit = h('button', { type: 'submit', class: 'button' }, 'Set override');
  const form = h('form', {},
    h('div', { class: 'options' }, field('override-action', 'Action', action), fileFields, ...pairFields,
      field('override-reason', 'Reason', reason)),
    h('div', { class: 'actions' }, submit), errors);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    fill(errors);
    fill(listErrors);
    const body = action.value === 'false-positive'
      ? { engine: engine.value.trim(), threat: threat.value.trim(), action: action.value, reason: reason.value }
      : { sha256: sha256.value.trim(), action: action.value, reason: reason.value };
    submit.disabled = true;
    try {
      await call('POST', '/overrides', body);
      form.reset();
      show();
      reload();
    } catch (error) {
      fill(errors, problem(error, 'The override was not set'));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
