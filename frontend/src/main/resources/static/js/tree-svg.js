// Draws a verdict tree (the Model's "tree" JSON) as SVG: inner nodes name the engine they split on, edges the
// engine's answer, leaves the smoothed malicious probability and the training files that reached them.
const SVG = 'http://www.w3.org/2000/svg';
const COLUMN = 150;
const ROW = 96;
const BOX_W = 132;
const BOX_H = 44;

function el(tag, attributes = {}, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

/** Laplace-smoothed share of malicious files at a node, as the server computes it. */
export function maliciousProbability(node) {
  return (node.malicious + 1) / (node.malicious + node.benign + 2);
}

function layout(node, depth, next) {
  const children = Object.entries(node.children || {}).map(([answer, child]) => ({
    answer, ...layout(child, depth + 1, next),
  }));
  const x = children.length
    ? (children[0].x + children[children.length - 1].x) / 2
    : next.leaf++ * COLUMN + COLUMN / 2;
  next.depth = Math.max(next.depth, depth);
  return { node, depth, x, children };
}

function tone(p) {
  if (p >= 0.7) {
    return 'malicious';
  }
  return p <= 0.3 ? 'clean' : 'suspicious';
}

function drawNode(group, placed) {
  const { node, depth, x, children } = placed;
  const y = depth * ROW + 20;
  for (const child of children) {
    const childY = child.depth * ROW + 20;
    group.append(el('line', { x1: x, y1: y + BOX_H, x2: child.x, y2: childY, class: 'tree-edge' }));
    group.append(el('text', { x: (x + child.x) / 2, y: (y + BOX_H + childY) / 2 + 4, class: 'tree-answer',
      'text-anchor': 'middle' }, child.answer));
    drawNode(group, child);
  }
  const p = maliciousProbability(node);
  const leaf = !node.probe;
  const box = el('g', { class: `tree-node ${leaf ? `tree-leaf tone-${tone(p)}` : 'tree-split'}`,
    'data-probe': node.probe || '' });
  box.append(el('title', {}, `${node.malicious} malicious, ${node.benign} benign training files`));
  box.append(el('rect', { x: x - BOX_W / 2, y, width: BOX_W, height: BOX_H, rx: 8 }));
  box.append(el('text', { x, y: y + 18, 'text-anchor': 'middle', class: 'tree-title' },
    leaf ? `${Math.round(p * 100)}% malicious` : node.probe));
  box.append(el('text', { x, y: y + 35, 'text-anchor': 'middle', class: 'tree-counts' },
    `${node.malicious} mal · ${node.benign} ben`));
  group.append(box);
}

/** An <svg> of the tree, sized to fit it (wider trees scroll in their container). */
export function treeSvg(root) {
  const next = { leaf: 0, depth: 0 };
  const placed = layout(root, 0, next);
  const width = Math.max(1, next.leaf) * COLUMN;
  const height = (next.depth + 1) * ROW;
  const svg = el('svg', { class: 'tree', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `Decision tree with ${next.leaf} leaves, ${next.depth + 1} levels deep` });
  const group = el('g');
  drawNode(group, placed);
  svg.append(group);
  return svg;
}
