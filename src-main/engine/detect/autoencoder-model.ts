/**
 * The autoencoder's network and input scaling: dense columns → 2·hidden (relu) → hidden (relu, the
 * bottleneck) → 2·hidden (relu) → columns (linear), on inputs standardised with the training rows'
 * per-column mean and standard deviation.
 */
import * as tf from '@tensorflow/tfjs';

/** A dense row-major matrix of numbers: value (row, column) is `values[row * columns + column]`. */
export interface NumericMatrix {
  values: Float64Array;
  rows: number;
  columns: number;
}

/** A trained autoencoder: the tfjs network and the standardisation learned with it. */
export interface TrainedAutoencoder {
  /** The dense network; its weights are float32. */
  network: tf.Sequential;
  columns: number;
  hidden: number;
  /** Per-column mean of the training rows. */
  mean: Float64Array;
  /** Per-column standard deviation of the training rows, floored at `minimumStd`. */
  std: Float64Array;
}

/** Floor for a column's standard deviation, so a constant column does not divide by zero. */
export const minimumStd = 1e-6;

/** Units of each dense layer, input first: [columns, 2·hidden, hidden, 2·hidden, columns]. */
export function layerSizes(columns: number, hidden: number): number[] {
  return [columns, 2 * hidden, hidden, 2 * hidden, columns];
}

/**
 * Build the network. With a seed, kernels start Glorot-uniform, each layer seeded from it (so the
 * same seed gives the same start); without one they start at zero, to be overwritten by setWeights.
 */
export function buildNetwork(columns: number, hidden: number, seed: number | null): tf.Sequential {
  const sizes = layerSizes(columns, hidden);
  const network = tf.sequential();
  for (let layer = 1; layer < sizes.length; layer++) {
    network.add(
      tf.layers.dense({
        inputShape: layer === 1 ? [columns] : undefined,
        units: sizes[layer],
        activation: layer === sizes.length - 1 ? 'linear' : 'relu',
        kernelInitializer: seed === null ? tf.initializers.zeros() : tf.initializers.glorotUniform({ seed: seed + layer }),
        biasInitializer: tf.initializers.zeros(),
      }),
    );
  }
  return network;
}

/** Per-column mean and standard deviation (population, as scikit-learn's StandardScaler), std floored. */
export function columnStatistics(matrix: NumericMatrix): { mean: Float64Array; std: Float64Array } {
  const { values, rows, columns } = matrix;
  const mean = new Float64Array(columns);
  const std = new Float64Array(columns);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) mean[column] += values[row * columns + column];
  }
  for (let column = 0; column < columns; column++) mean[column] /= rows;
  // Two passes rather than sum of squares: no cancellation when a column's mean dwarfs its spread.
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const deviation = values[row * columns + column] - mean[column];
      std[column] += deviation * deviation;
    }
  }
  for (let column = 0; column < columns; column++) std[column] = Math.max(Math.sqrt(std[column] / rows), minimumStd);
  return { mean, std };
}

/** Standardise rows [start, end) of a matrix into `target` (float32, row-major), computing in float64. */
export function standardiseRows(
  matrix: NumericMatrix,
  scaling: { mean: Float64Array; std: Float64Array },
  start: number,
  end: number,
  target: Float32Array,
): Float32Array {
  const { values, columns } = matrix;
  const { mean, std } = scaling;
  let index = 0;
  for (let row = start; row < end; row++) {
    const base = row * columns;
    for (let column = 0; column < columns; column++) target[index++] = (values[base + column] - mean[column]) / std[column];
  }
  return target;
}

/** Throw when a matrix's shape and values disagree or it has the wrong number of columns. */
export function checkMatrix(matrix: NumericMatrix, columns?: number): void {
  if (!Number.isInteger(matrix.rows) || !Number.isInteger(matrix.columns) || matrix.rows < 0 || matrix.columns < 1) {
    throw new Error(`matrix shape ${matrix.rows} × ${matrix.columns} is not valid`);
  }
  if (matrix.values.length < matrix.rows * matrix.columns) {
    throw new Error(`matrix has ${matrix.values.length} values, fewer than ${matrix.rows} × ${matrix.columns}`);
  }
  if (columns !== undefined && matrix.columns !== columns) {
    throw new Error(`matrix has ${matrix.columns} columns, the autoencoder was trained on ${columns}`);
  }
}
