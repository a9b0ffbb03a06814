/**
 * Save and restore a trained autoencoder as versioned JSON. Weights are float32 and mean/std float64;
 * both survive JSON exactly (every float32 is a double, and JSON numbers round-trip doubles), so a
 * restored model gives the very same reconstruction errors.
 */
import * as tf from '@tensorflow/tfjs';
import { buildNetwork, layerSizes, type TrainedAutoencoder } from './autoencoder-model.js';
import { useWasmBackend } from './tfjs-backend.js';

/** A trained autoencoder as plain JSON. */
export interface AutoencoderJson {
  kind: 'autoencoder';
  version: 1;
  columns: number;
  hidden: number;
  /** Per-column mean of the training rows. */
  mean: number[];
  /** Per-column standard deviation of the training rows (floored). */
  std: number[];
  /** Row-major values of each weight tensor: kernel 1, bias 1, kernel 2, bias 2, … */
  weights: number[][];
  /** Shape of each weight tensor, in the order of `weights`. */
  shapes: number[][];
}

/** The model as versioned JSON. */
export async function saveAutoencoder(model: TrainedAutoencoder): Promise<AutoencoderJson> {
  const tensors = model.network.getWeights();
  const weights = await Promise.all(tensors.map(async (tensor) => Array.from(await tensor.data())));
  return {
    kind: 'autoencoder',
    version: 1,
    columns: model.columns,
    hidden: model.hidden,
    mean: Array.from(model.mean),
    std: Array.from(model.std),
    weights,
    shapes: tensors.map((tensor) => [...tensor.shape]),
  };
}

/** Rebuild a model saved by `saveAutoencoder`; throws on a kind, version or shape it does not know. */
export async function restoreAutoencoder(json: AutoencoderJson): Promise<TrainedAutoencoder> {
  if (json.kind !== 'autoencoder' || json.version !== 1) {
    throw new Error(`not an autoencoder this version can read (kind ${String(json.kind)}, version ${String(json.version)})`);
  }
  const { columns, hidden } = json;
  if (json.mean.length !== columns || json.std.length !== columns) throw new Error('autoencoder JSON: mean/std do not match the columns');
  checkShapes(json, expectedShapes(columns, hidden));
  await useWasmBackend();
  const network = buildNetwork(columns, hidden, null);
  const tensors = json.weights.map((values, index) => tf.tensor(Float32Array.from(values), json.shapes[index]));
  try {
    network.setWeights(tensors);
  } catch (error) {
    network.dispose();
    throw error;
  } finally {
    tf.dispose(tensors);
  }
  return { network, columns, hidden, mean: Float64Array.from(json.mean), std: Float64Array.from(json.std) };
}

/** Kernel then bias shape of each dense layer. */
function expectedShapes(columns: number, hidden: number): number[][] {
  const sizes = layerSizes(columns, hidden);
  const shapes: number[][] = [];
  for (let layer = 1; layer < sizes.length; layer++) shapes.push([sizes[layer - 1], sizes[layer]], [sizes[layer]]);
  return shapes;
}

function checkShapes(json: AutoencoderJson, expected: number[][]): void {
  const same = (a: number[], b: number[]): boolean => a.length === b.length && a.every((value, index) => value === b[index]);
  const valid =
    json.shapes.length === expected.length &&
    json.weights.length === expected.length &&
    expected.every((shape, index) => same(json.shapes[index], shape) && json.weights[index].length === shape.reduce((a, b) => a * b, 1));
  if (!valid) throw new Error(`autoencoder JSON: weight shapes do not fit ${json.columns} columns and hidden ${json.hidden}`);
}
