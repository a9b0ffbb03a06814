import type { IsolationForest, Matrix } from './isolation-forest.js';

/**
 * Per-feature contributions to each row's isolation, as a rows × columns row-major matrix whose rows sum
 * to 1 (all zero when no split was taken, e.g. a forest of single leaves).
 *
 * Method ("isolation bits"): following the row down each tree, a split on feature f that takes it from
 * a node of `parent` training samples into a child of `child` samples narrows its neighbourhood by
 * log2(parent / child) bits, credited to f. Credits are summed over the trees and normalised per row.
 * An outlier cut off from 256 samples by one split on f gets 8 bits for f, so the feature that
 * separated it dominates; a normal row gets about one bit per split, spread over the features the trees
 * happened to draw. Splits near the root usually cut the most, so they weigh most, which is the depth
 * weighting one wants without a free parameter. The leaf's remaining c(size) is not attributed.
 */
export function featureContributions(forest: IsolationForest, matrix: Matrix): Float64Array<ArrayBuffer> {
  if (matrix.columns !== forest.columns) throw new Error(`The forest expects ${forest.columns} columns, not ${matrix.columns}.`);
  const { roots, feature, threshold, left, right, size } = forest;
  const { values, rows, columns } = matrix;
  const contributions = new Float64Array(rows * columns);
  for (let row = 0; row < rows; row++) {
    const base = row * columns;
    for (let tree = 0; tree < roots.length; tree++) {
      let node = roots[tree];
      while (feature[node] >= 0) {
        const split = feature[node];
        // Same rule as scoring: only a value greater than the threshold goes right (NaN goes left).
        const next = values[base + split] > threshold[node] ? right[node] : left[node];
        contributions[base + split] += Math.log2(size[node] / size[next]);
        node = next;
      }
    }
    let total = 0;
    for (let column = 0; column < columns; column++) total += contributions[base + column];
    if (total > 0) for (let column = 0; column < columns; column++) contributions[base + column] /= total;
  }
  return contributions;
}
