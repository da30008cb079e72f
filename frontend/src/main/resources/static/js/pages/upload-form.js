// The upload form: a drop zone around a normal file input (so the keyboard and screen readers use the
// browser's own control), the chosen files, engine choice, tags, passwords for encrypted archives, force, and
// upload progress.
import { api } from '../api.js';
import { bytes, fill, h, icon, problem } from '../ui.js';

const key = (file) => `${file.name}\u0000${file.size}\u0000${file.lastModified}`;

/** Builds the form; returns {element, dispose} (dispose aborts a running upload). */
export function uploadForm() {
  let files = [];
  let upload = null;

  const input = h('input', { id: 'upload-files', type: 'file', name: 'file', multiple: true,
    'aria-describedby': 'upload-files-hint' });
  const dropzone = h('div', { class: 'dropzone' },
    icon(['M12 15V4', 'M7.5 8.5 12 4l4.5 4.5', 'M4 14v4.5A1.5 1.5 0 0 0 5.5 20h13a1.5 1.5 0 0 0 1.5-1.5V14'],
      'dropzone-icon'),
    h('label', { for: 'upload-files', class: 'dropzone-label' }, 'Drop files here, or choose them'),
    input,
    h('p', { id: 'upload-files-hint', class: 'hint' },
      'Several files make one scan. Every selected engine scans each file.'));
  const chosen = h('ul', { class: 'chosen', 'aria-label': 'Chosen files' });
  const chosenSummary = h('p', { class: 'chosen-summary', 'aria-live': 'polite' });
  const engines = h('fieldset', { class: 'engines' }, h('legend', {}, 'Engines'),
    h('p', { class: 'hint' }, 'Loading engines…'));
  const tags = h('input', { id: 'upload-tags', name: 'tags', type: 'text', autocomplete: 'off',
    placeholder: 'e.g. phishing, ticket-4711', 'aria-describedby': 'upload-tags-hint' });
  // Secrets: sent with this upload only, never kept by the page (no storage, cleared once the scan is submitted).
  const passwords = h('textarea', { id: 'upload-passwords', name: 'passwords', rows: '2', autocomplete: 'off',
    autocapitalize: 'off', spellcheck: 'false', 'aria-describedby': 'upload-passwords-hint',
    placeholder: 'e.g. infected' });
  const force = h('input', { id: 'upload-force', name: 'force', type: 'checkbox' });
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, 'Scan');
  const abort = h('button', { type: 'button', class: 'button', hidden: true,
    onclick: () => upload?.abort() }, 'Cancel upload');
  const progress = h('progress', { id: 'upload-progress', max: '100', value: '0' });
  const progressText = h('span', { class: 'progress-text' });
  const progressBox = h('div', { class: 'upload-progress', hidden: true },
    h('label', { for: 'upload-progress' }, 'Upload progress'), progress, progressText);
  const errors = h('div', { class: 'form-errors' });

  const form = h('form', { class: 'upload-form', novalidate: true, 'aria-label': 'Upload files to scan' },
    dropzone, chosenSummary, chosen,
    h('div', { class: 'options' },
      engines,
      h('div', { class: 'field' },
        h('label', { for: 'upload-tags' }, 'Tags'),
        tags,
        h('p', { id: 'upload-tags-hint', class: 'hint' }, 'Comma-separated. Find them later with tag:NAME.')),
      h('div', { class: 'field' },
        h('label', { for: 'upload-passwords' }, 'Passwords for encrypted archives'),
        passwords,
        h('p', { id: 'upload-passwords-hint', class: 'hint' },
          'One per line, tried before the usual ones. Used for this scan only: never stored or shown.')),
      h('div', { class: 'check' }, force,
        h('label', { for: 'upload-force' }, 'Scan again even when a stored result exists (force)'))),
    h('div', { class: 'actions' }, submit, abort),
    progressBox, errors);

  function renderChosen() {
    fill(chosen, ...files.map((file, index) => h('li', {},
      h('span', { class: 'chosen-name' }, file.name),
      h('span', { class: 'chosen-size' }, bytes(file.size)),
      h('button', { type: 'button', class: 'button button-quiet button-small',
        'aria-label': `Remove ${file.name}`,
        onclick: () => {
          files.splice(index, 1);
          renderChosen();
          input.focus();
        } }, 'Remove'))));
    const total = files.reduce((sum, file) => sum + file.size, 0);
    chosenSummary.textContent = files.length
      ? `${files.length} file${files.length === 1 ? '' : 's'} chosen, ${bytes(total)}`
      : '';
    submit.textContent = files.length > 1 ? `Scan ${files.length} files` : 'Scan';
  }

  function add(list) {
    const known = new Set(files.map(key));
    for (const file of list) {
      if (!known.has(key(file))) {
        files.push(file);
        known.add(key(file));
      }
    }
    fill(errors);
    renderChosen();
  }

  input.addEventListener('change', () => {
    add(Array.from(input.files));
    input.value = '';
  });
  const over = (on) => (event) => {
    event.preventDefault();
    dropzone.classList.toggle('dropzone-over', on);
  };
  dropzone.addEventListener('dragenter', over(true));
  dropzone.addEventListener('dragover', over(true));
  dropzone.addEventListener('dragleave', (event) => {
    if (!dropzone.contains(event.relatedTarget)) {
      dropzone.classList.remove('dropzone-over');
    }
  });
  dropzone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropzone.classList.remove('dropzone-over');
    add(Array.from(event.dataTransfer?.files || []));
  });

  loadEngines(engines);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (upload) {
      return;
    }
    fill(errors);
    if (!files.length) {
      errors.append(problem({ title: 'No file chosen', detail: 'Choose or drop at least one file to scan.' }));
      input.focus();
      return;
    }
    const boxes = Array.from(engines.querySelectorAll('input[type=checkbox]'));
    const picked = boxes.filter((box) => box.checked).map((box) => box.value);
    if (boxes.length && !picked.length) {
      errors.append(problem({ title: 'No engine chosen', detail: 'Select at least one engine.' }));
      boxes[0].focus();
      return;
    }
    const data = new FormData();
    files.forEach((file) => data.append('file', file, file.name));
    // Every online engine is the server's default: only send a list when the user narrowed it.
    const defaults = boxes.filter((box) => box.dataset.online === 'true').map((box) => box.value);
    if (boxes.length && picked.join(',') !== defaults.join(',')) {
      data.append('probes', picked.join(','));
    }
    if (tags.value.trim()) {
      data.append('tags', tags.value.trim());
    }
    // One field per password (a password may hold a comma); kept as typed, blank lines dropped.
    passwordList().forEach((password) => data.append('passwords', password));
    if (force.checked) {
      data.append('force', 'true');
    }
    submit.disabled = true;
    abort.hidden = false;
    progressBox.hidden = false;
    showProgress(0, files.reduce((sum, file) => sum + file.size, 0) || 1);
    upload = api.upload(data, showProgress);
    try {
      const scan = await upload.promise;
      passwords.value = '';
      location.hash = `#/scans/${scan.id}`;
    } catch (error) {
      errors.append(problem(error, 'Upload failed'));
      progressBox.hidden = true;
    } finally {
      upload = null;
      submit.disabled = false;
      abort.hidden = true;
    }
  });

  function passwordList() {
    return [...new Set(passwords.value.split(/\r?\n/).filter((line) => line.trim() !== ''))];
  }

  function showProgress(loaded, total) {
    const percent = Math.min(100, Math.round((loaded / total) * 100));
    progress.value = percent;
    progressText.textContent = percent >= 100
      ? 'Uploaded; storing and queueing the scan…'
      : `${percent}% · ${bytes(loaded)} of ${bytes(total)}`;
  }

  return { element: form, dispose: () => upload?.abort() };
}

async function loadEngines(fieldset) {
  const legend = fieldset.querySelector('legend');
  try {
    const probes = (await api.probes()).slice().sort((a, b) => a.name.localeCompare(b.name));
    if (!probes.length) {
      fill(fieldset, legend, h('p', { class: 'hint warn' },
        'No engine has registered yet: start a probe, then reload this page.'));
      return;
    }
    const online = probes.filter((probe) => probe.online).length;
    fill(fieldset, legend,
      h('div', { class: 'engine-list' }, probes.map((probe) => h('div', { class: 'check' },
        h('input', { type: 'checkbox', id: `engine-${probe.name}`, name: 'probes', value: probe.name,
          checked: probe.online, 'data-online': String(probe.online) }),
        h('label', { for: `engine-${probe.name}` },
          probe.displayName || probe.name,
          probe.online ? null : h('span', { class: 'muted' }, ' (offline)'))))),
      online ? null : h('p', { class: 'hint warn' },
        'No engine is online: a scan would be refused until a probe is running.'));
  } catch (error) {
    fill(fieldset, legend, h('p', { class: 'hint warn' },
      `Engines could not be loaded (${error.title}); every online engine will run.`));
  }
}
