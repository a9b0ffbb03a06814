/**
 * Isolation Forest (Liu, Ting & Zhou 2008) over typed arrays, with scikit-learn's semantics:
 * `trees` (n_estimators, default 100) trees, each grown on `maxSamples` = min(256, n) rows drawn without
 * replacement, random feature and uniform random threshold per node, depth limit ceil(log2(maxSamples)).
 * A row's path length in a tree is the leaf depth plus c(leaf size); the anomaly score is
 * 2^(−E(h) / c(maxSamples)). Seeded: the same seed and data always grow the same forest.
 */
import { createRandom } from '../random.js';
import { createTreeNodes, growIsolationTree } from './isolation-tree.js';
import { averagePathLength } from './path-length.js';
import { meanPathLengths } from './isolation-forest-scorer.js';

/** A dense row-major matrix of numbers: value (row, column) is `values[row * columns + column]`. */
export interface Matrix {
  values: Float64Array;
  rows: number;
  columns: number;
}

/** Training settings. */
export interface IsolationForestOptions {
  /** Seed of the random stream that draws sub-samples, features and thresholds. */
  seed: number;
  /** Number of trees (scikit-learn n_estimators). Default 100. */
  trees?: number;
  /** Rows per tree (scikit-learn max_samples); capped at the number of rows. Default 256. */
  maxSamples?: number;
}

/**
 * A trained forest. Nodes of all trees sit in flat arrays; `roots[t]` is tree t's root.
 * Leaves have feature −1 and children −1; `size` is the number of training samples that reached a node.
 */
export interface IsolationForest {
  readonly columns: number;
  readonly trees: number;
  /** Rows each tree was grown on: the c(n) normaliser of the score. */
  readonly maxSamples: number;
  readonly seed: number;
  readonly roots: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly size: Int32Array;
}

/** Grow a forest on the rows of `matrix`. */
export function trainIsolationForest(matrix: Matrix, options: IsolationForestOptions): IsolationForest {
  const { values, rows, columns } = matrix;
  if (rows < 1 || columns < 1) throw new Error('An isolation forest needs at least one row and one column.');
  if (values.length < rows * columns) throw new Error(`Matrix values hold ${values.length} numbers, not ${rows}×${columns}.`);
  const trees = options.trees ?? 100;
  const maxSamples = Math.min(options.maxSamples ?? 256, rows);
  if (!(trees >= 1) || !(maxSamples >= 1)) throw new Error('trees and maxSamples must be at least 1.');
  const maxDepth = Math.ceil(Math.log2(Math.max(maxSamples, 2)));
  const random = createRandom(options.seed);
  // A tree on m samples has at most 2m − 1 nodes.
  const nodes = createTreeNodes(trees * (2 * maxSamples - 1));
  const roots = new Int32Array(trees);
  // One permutation of all rows, partially reshuffled per tree: a uniform draw without replacement
  // each time, with no O(n) reset between trees.
  const permutation = new Int32Array(rows);
  for (let i = 0; i < rows; i++) permutation[i] = i;
  const sampleRows = new Int32Array(maxSamples);
  for (let tree = 0; tree < trees; tree++) {
    for (let k = 0; k < maxSamples; k++) {
      const pick = k + random.integer(rows - k);
      const row = permutation[pick];
      permutation[pick] = permutation[k];
      permutation[k] = row;
      sampleRows[k] = row;
    }
    roots[tree] = growIsolationTree({ values, columns, rows: sampleRows }, maxDepth, random, nodes);
  }
  const used = nodes.count;
  return {
    columns,
    trees,
    maxSamples,
    seed: options.seed,
    roots,
    feature: nodes.feature.slice(0, used),
    threshold: nodes.threshold.slice(0, used),
    left: nodes.left.slice(0, used),
    right: nodes.right.slice(0, used),
    size: nodes.size.slice(0, used),
  };
}

/**
 * Anomaly score of each row in (0, 1): 2^(−E(h)/c(maxSamples)). Near 1 = isolated quickly (anomalous),
 * well below 0.5 = normal. This is the "s(x, n)" of the paper.
 */
export function anomalyScores(forest: IsolationForest, matrix: Matrix): Float64Array<ArrayBuffer> {
  const paths = meanPathLengths(forest, matrix);
  const normaliser = averagePathLength(forest.maxSamples);
  for (let i = 0; i < paths.length; i++) paths[i] = normaliser > 0 ? 2 ** (-paths[i] / normaliser) : 0.5;
  return paths;
}

/**
 * scikit-learn's `score_samples`: the negated anomaly score, in (−1, 0). Lower = more abnormal.
 * (scikit-learn's `decision_function` with contamination 'auto' is this plus 0.5.)
 */
export function scoreSamples(forest: IsolationForest, matrix: Matrix): Float64Array<ArrayBuffer> {
  const scores = anomalyScores(forest, matrix);
  for (let i = 0; i < scores.length; i++) scores[i] = -scores[i];
  return scores;
}

export { meanPathLengths };
