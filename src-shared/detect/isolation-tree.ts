import type { Random } from '../random.js';

/**
 * Nodes of isolation trees in flat typed arrays, the trees one after another.
 * A leaf has feature −1 and children −1; a split sends `value <= threshold` left, as scikit-learn does.
 */
export interface TreeNodes {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  /** Training samples that reached the node. */
  size: Int32Array;
  /** Nodes written so far. */
  count: number;
}

/** Room for `nodes` nodes. */
export function createTreeNodes(nodes: number): TreeNodes {
  return {
    feature: new Int32Array(nodes),
    threshold: new Float64Array(nodes),
    left: new Int32Array(nodes),
    right: new Int32Array(nodes),
    size: new Int32Array(nodes),
    count: 0,
  };
}

/** The training rows of one tree and where to read them. */
export interface TreeSample {
  /** Row-major training matrix. */
  values: Float64Array;
  columns: number;
  /** Row indices of this tree's sub-sample; reordered in place while growing. */
  rows: Int32Array;
}

/**
 * Grow one isolation tree (scikit-learn's ExtraTreeRegressor with max_features=1 and a random splitter)
 * into `nodes`, and return its root index. At each node: a feature drawn uniformly among those not
 * constant in the node, a threshold uniform in [min, max), until one sample is left, all features are
 * constant, or `maxDepth` is reached. Children are written next to each other (right = left + 1).
 */
export function growIsolationTree(sample: TreeSample, maxDepth: number, random: Random, nodes: TreeNodes): number {
  const { values, columns, rows } = sample;
  const order = new Int32Array(columns);
  const root = addNode(nodes, rows.length);
  // Depth-first with an explicit stack of (node, first row, end row, depth).
  const stack: number[] = [root, 0, rows.length, 0];
  while (stack.length > 0) {
    const depth = stack.pop() as number;
    const end = stack.pop() as number;
    const start = stack.pop() as number;
    const node = stack.pop() as number;
    if (end - start < 2 || depth >= maxDepth) continue;
    const split = drawSplit(values, columns, rows, start, end, order, random);
    if (split === null) continue; // every feature is constant here: a leaf
    const middle = partition(values, columns, rows, start, end, split.feature, split.threshold);
    const left = addNode(nodes, middle - start);
    addNode(nodes, end - middle);
    nodes.feature[node] = split.feature;
    nodes.threshold[node] = split.threshold;
    nodes.left[node] = left;
    nodes.right[node] = left + 1;
    stack.push(left + 1, middle, end, depth + 1, left, start, middle, depth + 1);
  }
  return root;
}

function addNode(nodes: TreeNodes, size: number): number {
  const index = nodes.count++;
  nodes.feature[index] = -1;
  nodes.threshold[index] = 0;
  nodes.left[index] = -1;
  nodes.right[index] = -1;
  nodes.size[index] = size;
  return index;
}

/** Draw features without replacement until one varies in the node (uniform over the varying ones). */
function drawSplit(
  values: Float64Array,
  columns: number,
  rows: Int32Array,
  start: number,
  end: number,
  order: Int32Array,
  random: Random,
): { feature: number; threshold: number } | null {
  for (let i = 0; i < columns; i++) order[i] = i;
  for (let drawn = 0; drawn < columns; drawn++) {
    const pick = drawn + random.integer(columns - drawn);
    const feature = order[pick];
    order[pick] = order[drawn];
    order[drawn] = feature;
    let minimum = Infinity;
    let maximum = -Infinity;
    for (let i = start; i < end; i++) {
      const value = values[rows[i] * columns + feature];
      if (value < minimum) minimum = value;
      if (value > maximum) maximum = value;
    }
    if (!(maximum > minimum)) continue;
    let threshold = random.between(minimum, maximum);
    // Rounding can land on the maximum, which would leave the right child empty (scikit-learn does the same).
    if (threshold >= maximum) threshold = minimum;
    return { feature, threshold };
  }
  return null;
}

/** Reorder rows[start, end) so rows with value <= threshold (or NaN) come first; return where the rest begin. */
function partition(
  values: Float64Array,
  columns: number,
  rows: Int32Array,
  start: number,
  end: number,
  feature: number,
  threshold: number,
): number {
  let low = start;
  let high = end - 1;
  while (low <= high) {
    // "not greater" rather than "<=" so a NaN goes left, as it does when scoring.
    if (!(values[rows[low] * columns + feature] > threshold)) {
      low++;
    } else {
      const swap = rows[low];
      rows[low] = rows[high];
      rows[high] = swap;
      high--;
    }
  }
  return low;
}
