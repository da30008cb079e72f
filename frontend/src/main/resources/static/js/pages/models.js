// #/models: the current verdict model: its tree drawn as SVG, the engine ranking and the evaluation table; a
// candidate model (trained in the background) with an Adopt button for admins.
import { api, call } from '../api.js';
import { treeSvg } from '../tree-svg.js';
import { dateTime, fill, h, heading, loading, problem, setTitle, table } from '../ui.js';

const NAMES = { model: 'Decision tree (ID3)', anyEngine: 'Any engine detects', majority: 'Majority vote',
  threshold: 'Threshold' };

export function render(main) {
  setTitle('Verdict model');
  const body = h('div', {}, loading('Loading the current model…'));
  const errors = h('div', {});
  const train = h('button', { type: 'button', class: 'button' }, 'Train now');
  const candidate = h('div', {});
  main.append(h('div', { class: 'page-head' }, heading('Verdict model'), h('div', { class: 'page-head-side' }, train)),
    errors, candidate, body);
  let disposed = false;
  call('GET', '/models/candidate').then((model) => {
    if (!disposed) {
      fill(candidate, candidateCard(model, body, candidate));
    }
  }).catch(() => fill(candidate)); // 404: no candidate waits

  train.addEventListener('click', async () => {
    train.disabled = true;
    fill(errors);
    try {
      const model = await api.trainModel();
      if (!disposed) {
        draw(body, model);
      }
    } catch (error) {
      fill(errors, problem(error, 'Training failed'));
    } finally {
      train.disabled = false;
    }
  });

  api.currentModel().then((model) => {
    if (!disposed) {
      draw(body, model);
    }
  }).catch((error) => {
    if (disposed) {
      return;
    }
    fill(body, error.status === 404
      ? h('section', { class: 'card' }, h('p', {}, 'No model is current yet. Verdicts count detections against '
        + 'a threshold until an admin trains or adopts one. Label files (on a file page, or POST /api/v1/labels '
        + 'with a CSV), then train.'))
      : problem(error, 'The model could not be loaded'));
  });
  return () => {
    disposed = true;
  };
}

/** A model trained in the background waits for an admin: its scores, and Adopt (the API refuses non-admins). */
function candidateCard(model, body, candidate) {
  const errors = h('div', {});
  const adopt = h('button', { type: 'button', class: 'button' }, 'Adopt');
  adopt.addEventListener('click', async () => {
    adopt.disabled = true;
    fill(errors);
    try {
      draw(body, await call('POST', `/models/${encodeURIComponent(model.id)}/adopt`));
      fill(candidate);
    } catch (error) {
      adopt.disabled = false;
      fill(errors, problem(error, 'The model was not adopted'));
    }
  });
  const f1 = model.evaluation.model.f1.toFixed(3);
  return h('section', { class: 'card', 'aria-labelledby': 'candidate-title' },
    h('h2', { id: 'candidate-title' }, `Candidate: model ${model.id}`),
    h('p', {}, 'Trained ', dateTime(model.createdAt), ` on ${model.samples} labelled files (cross-validated F1 `
      + `${f1}). It decides no verdict until an admin adopts it.`),
    h('div', { class: 'actions' }, adopt), errors);
}

function draw(body, model) {
  const evaluation = model.evaluation;
  const rows = [['model', evaluation.model], ...Object.entries(evaluation.baselines)];
  if (evaluation.secondOpinion) {
    rows.push([evaluation.secondOpinion.name, evaluation.secondOpinion.metrics]);
  }
  const number = (value) => value.toFixed(3);
  fill(body,
    h('p', { class: 'lead' }, `Model ${model.id}, trained `, dateTime(model.createdAt),
      ` on ${model.samples} labelled files over ${model.engines.length} engines`,
      model.adoptedBy ? [', adopted by ', model.adoptedBy, ' ', dateTime(model.adoptedAt)] : '', '.'),
    h('section', { class: 'card', 'aria-labelledby': 'tree-title' },
      h('h2', { id: 'tree-title' }, 'Decision tree'),
      h('p', { class: 'hint' }, 'Each box splits on an engine\'s answer; a leaf shows the smoothed share of '
        + 'malicious training files that reached it. A file whose answer has no branch is judged by its parent.'),
      h('div', { class: 'tree-wrap' }, treeSvg(model.tree))),
    h('section', { class: 'card', 'aria-labelledby': 'ranking-title' },
      h('h2', { id: 'ranking-title' }, 'Engine ranking'),
      table([
        { label: 'Engine', cell: (engine) => h('code', {}, engine.probe) },
        { label: 'Information gain (bits)', class: 'col-num', cell: (engine) => engine.informationGain.toFixed(4) },
        { label: 'Depth in tree', class: 'col-num', cell: (engine) => (engine.depth ?? '–').toString() },
      ], model.engineRanking, { caption: 'Engines by how much their answer tells', className: 'ranking' }).element),
    h('section', { class: 'card', 'aria-labelledby': 'evaluation-title' },
      h('h2', { id: 'evaluation-title' }, `Evaluation (${evaluation.folds}-fold cross-validation)`),
      table([
        { label: 'Classifier', cell: ([name]) => NAMES[name] || name },
        { label: 'Accuracy', class: 'col-num', cell: ([, m]) => number(m.accuracy) },
        { label: 'Precision', class: 'col-num', cell: ([, m]) => number(m.precision) },
        { label: 'Recall', class: 'col-num', cell: ([, m]) => number(m.recall) },
        { label: 'F1', class: 'col-num', cell: ([, m]) => number(m.f1) },
      ], rows, { caption: `Threshold: ${evaluation.threshold} detections`, className: 'evaluation' }).element));
}
