/**
 * The autoencoder of the detection ensemble: a small dense network trained to reproduce the engineered
 * features of ordinary logins; a row it reproduces badly (high reconstruction error) is unusual, and
 * the per-column squared errors say which features made it so. Pure numbers in, numbers out.
 *
 * Deterministic for a seed: seeded initializers, a shuffle drawn from `createRandom(seed)`, and
 * single-threaded float32 kernels, so the same seed and rows give identical weights and errors.
 */
import * as tf from '@tensorflow/tfjs';
import { createRandom, type Random } from '../../../src-shared/random.js';
import { buildNetwork, checkMatrix, columnStatistics, standardiseRows, type NumericMatrix, type TrainedAutoencoder } from './autoencoder-model.js';
import { createTrainingState, disposeTrainingState, forward, takeSquaredError, trainingStep, unpackWeights } from './autoencoder-training.js';
import { useWasmBackend } from './tfjs-backend.js';

export type { NumericMatrix, TrainedAutoencoder } from './autoencoder-model.js';
export { restoreAutoencoder, saveAutoencoder, type AutoencoderJson } from './autoencoder-json.js';

/** Training settings. */
export interface AutoencoderOptions {
  /** Seeds the initial weights and the shuffle. */
  seed: number;
  /** Units of the bottleneck layer; the layers around it have twice as many. */
  hidden: number;
  /** Passes over the training rows. */
  epochs: number;
  /** Rows per Adam step. */
  batchSize: number;
  /** Adam's learning rate. Default 0.001. */
  learningRate?: number;
  /**
   * Train on at most this many rows, drawn without replacement from the seeded stream (default: every
   * row). Ordinary logins repeat a few patterns, so a sample teaches the network what a million rows
   * would, at a fraction of the time; the errors are still computed for every row.
   */
  sampleRows?: number;
  /** Called after each epoch (1-based) with its mean squared error on the standardised rows. */
  onEpoch?: (epoch: number, loss: number) => void;
}

/** Reconstruction errors of each row, on the standardised scale. */
export interface ReconstructionErrors {
  /** Per row: mean squared error over the columns. */
  total: Float64Array;
  /** Per row and column (row-major, rows × columns): the squared error, for the explanation. */
  perFeature: Float64Array;
}

/** Rows predicted at once: bounds memory (a few MB per tensor) while keeping kernel calls few. */
const chunkRows = 65_536;

/** Train an autoencoder on the rows of a matrix, or a seeded sample of them (standardised with the training rows' mean and std). */
export async function trainAutoencoder(matrix: NumericMatrix, options: AutoencoderOptions): Promise<TrainedAutoencoder> {
  checkMatrix(matrix);
  checkOptions(matrix, options);
  await useWasmBackend();
  const random = createRandom(options.seed);
  const training = sampleMatrix(matrix, options.sampleRows ?? matrix.rows, random);
  const { rows, columns } = training;
  const scaling = columnStatistics(training);
  const standardised = standardiseRows(training, scaling, 0, rows, new Float32Array(rows * columns));
  const network = buildNetwork(columns, options.hidden, options.seed);
  const state = createTrainingState(network.getWeights(), options.learningRate ?? 0.001);
  const order = Uint32Array.from({ length: rows }, (_, row) => row);
  const buffer = new Float32Array(Math.min(options.batchSize, rows) * columns);
  try {
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      shuffle(order, random);
      for (let start = 0; start < rows; start += options.batchSize) {
        const count = Math.min(options.batchSize, rows - start);
        gatherRows(standardised, columns, order, start, count, buffer);
        // Each batch uploaded on its own: the wasm slice kernel copies its whole input, so slicing
        // batches out of a larger uploaded block costs more than the upload.
        const batch = tf.tensor2d(buffer.subarray(0, count * columns), [count, columns]);
        trainingStep(state, batch);
        batch.dispose();
      }
      options.onEpoch?.(epoch, takeSquaredError(state) / (rows * columns));
      // Let the event loop breathe between epochs (progress messages from a worker, cancellation).
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const trained = unpackWeights(state);
    network.setWeights(trained);
    tf.dispose(trained);
  } catch (error) {
    network.dispose();
    throw error;
  } finally {
    disposeTrainingState(state);
  }
  return { network, columns, hidden: options.hidden, mean: scaling.mean, std: scaling.std };
}

/** Squared reconstruction errors of every row, predicted in chunks so a million rows fit in memory. */
export async function reconstructionErrors(model: TrainedAutoencoder, matrix: NumericMatrix): Promise<ReconstructionErrors> {
  const perFeature = new Float64Array(matrix.rows * matrix.columns);
  return { total: await predictErrors(model, matrix, perFeature), perFeature };
}

/** Mean squared reconstruction error of every row (`reconstructionErrors().total` without the per-column errors a scorer does not need). */
export function meanReconstructionErrors(model: TrainedAutoencoder, matrix: NumericMatrix): Promise<Float64Array> {
  return predictErrors(model, matrix, null);
}

/** Per-row mean squared errors, and per-column ones into `perFeature` when given. */
async function predictErrors(model: TrainedAutoencoder, matrix: NumericMatrix, perFeature: Float64Array | null): Promise<Float64Array> {
  checkMatrix(matrix, model.columns);
  await useWasmBackend();
  const { rows, columns } = matrix;
  const total = new Float64Array(rows);
  const buffer = new Float32Array(Math.min(chunkRows, rows) * columns);
  // The layers straight through their fused kernels: predict() would slice every chunk into batches, copying it.
  const weights = model.network.getWeights();
  for (let start = 0; start < rows; start += chunkRows) {
    const count = Math.min(chunkRows, rows - start);
    const input = standardiseRows(matrix, model, start, start + count, buffer).subarray(0, count * columns);
    const squared = tf.tidy(() => {
      const batch = tf.tensor2d(input, [count, columns]);
      const activations = forward(batch, weights);
      return tf.squaredDifference(activations[activations.length - 1], batch);
    });
    const values = squared.dataSync();
    squared.dispose();
    perFeature?.set(values, start * columns);
    for (let row = 0; row < count; row++) {
      let sum = 0;
      for (let column = 0; column < columns; column++) sum += values[row * columns + column];
      total[start + row] = sum / columns;
    }
  }
  return total;
}

/** Free the model's tensors. */
export function disposeAutoencoder(model: TrainedAutoencoder): void {
  model.network.dispose();
}

function checkOptions(matrix: NumericMatrix, options: AutoencoderOptions): void {
  if (matrix.rows < 1) throw new Error('cannot train an autoencoder on no rows');
  if (!Number.isInteger(options.hidden) || options.hidden < 1) throw new Error(`hidden must be a positive integer, not ${options.hidden}`);
  if (!Number.isInteger(options.epochs) || options.epochs < 0) throw new Error(`epochs must be a whole number, not ${options.epochs}`);
  if (!Number.isInteger(options.batchSize) || options.batchSize < 1) throw new Error(`batchSize must be a positive integer, not ${options.batchSize}`);
  if (options.sampleRows !== undefined && (!Number.isInteger(options.sampleRows) || options.sampleRows < 1)) {
    throw new Error(`sampleRows must be a positive integer, not ${options.sampleRows}`);
  }
}

/**
 * At most `limit` rows of a matrix, drawn without replacement from `random` and kept in their order; the
 * matrix itself (drawing nothing) when it has no more rows than that.
 */
export function sampleMatrix(matrix: NumericMatrix, limit: number, random: Random): NumericMatrix {
  const { rows, columns, values } = matrix;
  if (rows <= limit) return matrix;
  // A partial Fisher–Yates: the first `limit` places of a shuffled order are a uniform sample.
  const order = Uint32Array.from({ length: rows }, (_, row) => row);
  for (let index = 0; index < limit; index++) {
    const other = index + random.integer(rows - index);
    const kept = order[index];
    order[index] = order[other];
    order[other] = kept;
  }
  const chosen = order.subarray(0, limit).sort();
  const sample = new Float64Array(limit * columns);
  for (let index = 0; index < limit; index++) sample.set(values.subarray(chosen[index] * columns, (chosen[index] + 1) * columns), index * columns);
  return { values: sample, rows: limit, columns };
}

/** Fisher–Yates, drawing from the seeded stream. */
function shuffle(order: Uint32Array, random: Random): void {
  for (let index = order.length - 1; index > 0; index--) {
    const other = random.integer(index + 1);
    const kept = order[index];
    order[index] = order[other];
    order[other] = kept;
  }
}

/** Copy rows order[start … start+count) of a row-major float32 matrix into `target`. */
function gatherRows(source: Float32Array, columns: number, order: Uint32Array, start: number, count: number, target: Float32Array): void {
  // A plain loop: a subarray per row would allocate a view object per row.
  let written = 0;
  for (let index = 0; index < count; index++) {
    const from = order[start + index] * columns;
    for (let column = 0; column < columns; column++) target[written++] = source[from + column];
  }
}
