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
import { createTrainingState, disposeTrainingState, takeSquaredError, trainingStep, unpackWeights } from './autoencoder-training.js';
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

/** Rows predicted at once: bounds memory for a million rows while keeping kernel calls few. */
const chunkRows = 8192;

/** Train an autoencoder on the rows of a matrix (standardised with their own mean and std). */
export async function trainAutoencoder(matrix: NumericMatrix, options: AutoencoderOptions): Promise<TrainedAutoencoder> {
  checkMatrix(matrix);
  checkOptions(matrix, options);
  await useWasmBackend();
  const { rows, columns } = matrix;
  const scaling = columnStatistics(matrix);
  const standardised = standardiseRows(matrix, scaling, 0, rows, new Float32Array(rows * columns));
  const network = buildNetwork(columns, options.hidden, options.seed);
  const state = createTrainingState(network.getWeights(), options.learningRate ?? 0.001);
  const random = createRandom(options.seed);
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
  checkMatrix(matrix, model.columns);
  await useWasmBackend();
  const { rows, columns } = matrix;
  const total = new Float64Array(rows);
  const perFeature = new Float64Array(rows * columns);
  const buffer = new Float32Array(Math.min(chunkRows, rows) * columns);
  for (let start = 0; start < rows; start += chunkRows) {
    const count = Math.min(chunkRows, rows - start);
    const input = standardiseRows(matrix, model, start, start + count, buffer).subarray(0, count * columns);
    const squared = tf.tidy(() => {
      const batch = tf.tensor2d(input, [count, columns]);
      const output = model.network.predict(batch, { batchSize: chunkRows }) as tf.Tensor2D;
      return tf.squaredDifference(output, batch);
    });
    const values = squared.dataSync();
    squared.dispose();
    perFeature.set(values, start * columns);
    for (let row = 0; row < count; row++) {
      let sum = 0;
      for (let column = 0; column < columns; column++) sum += values[row * columns + column];
      total[start + row] = sum / columns;
    }
  }
  return { total, perFeature };
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
