// #/models: the current verdict model: its tree drawn as SVG, the engine ranking and the evaluation table.
import { api } from '../api.js';
import { treeSvg } from '../tree-svg.js';
import { dateTime, fill, h, heading, loading, problem, setTitle, table } from '../ui.js';

const NAMES = { model: 'Decision tree (ID3)', anyEngine: 'Any engine detects', majority: 'Majority vote',
  threshold: 'Threshold' };

export function render(main) {
  setTitle('Verdict model');
  const body = h('div', {}, loading('Loading the current model…'));
  const errors = h('div', {});
  const train = h('button', { type: 'button', class: 'button' }, 'Train now');
  main.append(h('div', { class: 'page-head' }, heading('Verdict model'), h('div', { class: 'page-head-side' }, train)),
    errors, body);
  let disposed = false;

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
      ? h('section', { class: 'card' }, h('p', {}, 'No model was trained yet. Verdicts count detections against '
        + 'a threshold until one exists. Label files (on a file page, or POST /api/v1/labels with a CSV), then '
        + 'train.'))
      : problem(error, 'The model could not be loaded'));
  });
  return () => {
    disposed = true;
  };
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
      ` on ${model.samples} labelled files over ${model.engines.length} engines.`),
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
