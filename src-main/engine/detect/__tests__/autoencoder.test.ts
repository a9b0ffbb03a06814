import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../../../src-shared/random.js';
import {
  disposeAutoencoder,
  meanReconstructionErrors,
  reconstructionErrors,
  restoreAutoencoder,
  sampleMatrix,
  saveAutoencoder,
  trainAutoencoder,
  type AutoencoderJson,
  type AutoencoderOptions,
  type NumericMatrix,
  type ReconstructionErrors,
  type TrainedAutoencoder,
} from '../autoencoder.js';
import { useWasmBackend } from '../tfjs-backend.js';

const columns = 12;
const normalRows = 5000;
const plantedRows = 20;

/**
 * Rows driven by three hidden factors, so the columns are strongly correlated, then 20 planted rows
 * (at the end) where one column has its sign flipped: each value alone looks ordinary, the combination
 * does not. Returns the matrix and, per planted row, the broken column.
 */
function syntheticMatrix(seed: number): { matrix: NumericMatrix; broken: number[] } {
  const random = createRandom(seed);
  const loadings = Array.from({ length: columns }, () => [random.normal(), random.normal(), random.normal()]);
  const rows = normalRows + plantedRows;
  const values = new Float64Array(rows * columns);
  const broken: number[] = [];
  for (let row = 0; row < rows; row++) {
    const factors = [random.normal(), random.normal(), random.normal()];
    for (let column = 0; column < columns; column++) {
      const [a, b, c] = loadings[column];
      // Offsets and scales differ per column so standardisation matters.
      values[row * columns + column] = (column + 1) * (a * factors[0] + b * factors[1] + c * factors[2] + 0.05 * random.normal()) + 10 * column;
    }
    if (row >= normalRows) {
      // Break the column that sits furthest from its mean, so the flip is large.
      let column = 0;
      let distance = -1;
      for (let candidate = 0; candidate < columns; candidate++) {
        const deviation = Math.abs(values[row * columns + candidate] - 10 * candidate) / (candidate + 1);
        if (deviation > distance) [column, distance] = [candidate, deviation];
      }
      values[row * columns + column] = 20 * column - values[row * columns + column];
      broken.push(column);
    }
  }
  return { matrix: { values, rows, columns }, broken };
}

const options: AutoencoderOptions = { seed: 11, hidden: 4, epochs: 12, batchSize: 64, learningRate: 0.01 };

function ranking(total: Float64Array): number[] {
  return Array.from(total.keys()).sort((a, b) => total[b] - total[a]);
}

describe('autoencoder', () => {
  const { matrix, broken } = syntheticMatrix(5);
  const losses: [number, number][] = [];
  let model: TrainedAutoencoder;
  let errors: ReconstructionErrors;
  let tensorsBefore: number;

  beforeAll(async () => {
    expect(await useWasmBackend()).toBe('wasm');
    tensorsBefore = tf.memory().numTensors;
    model = await trainAutoencoder(matrix, { ...options, onEpoch: (epoch, loss) => losses.push([epoch, loss]) });
    errors = await reconstructionErrors(model, matrix);
  });

  it('ranks the planted rows highest', () => {
    const top = ranking(errors.total).slice(0, 40);
    const found = top.filter((row) => row >= normalRows).length;
    expect(found).toBeGreaterThanOrEqual(18);
  });

  it('points the per-feature error at the broken column', () => {
    let pointed = 0;
    for (let planted = 0; planted < plantedRows; planted++) {
      const row = normalRows + planted;
      const features = errors.perFeature.subarray(row * columns, (row + 1) * columns);
      const worst = features.indexOf(Math.max(...features));
      if (worst === broken[planted]) pointed++;
    }
    expect(pointed).toBeGreaterThanOrEqual(18);
    // The total is the mean of the per-feature errors.
    const row = normalRows;
    const mean = errors.perFeature.subarray(row * columns, (row + 1) * columns).reduce((a, b) => a + b, 0) / columns;
    expect(errors.total[row]).toBeCloseTo(mean, 12);
  });

  it('reports every epoch and the loss falls', () => {
    expect(losses.map(([epoch]) => epoch)).toEqual(Array.from({ length: options.epochs }, (_, index) => index + 1));
    const values = losses.map(([, loss]) => loss);
    expect(values.every(Number.isFinite)).toBe(true);
    expect(values[values.length - 1]).toBeLessThan(values[0] / 3);
    expect(values[1]).toBeLessThan(values[0]);
  });

  it('gives identical weights and errors for the same seed, different ones for another', async () => {
    const small = { values: matrix.values.subarray(0, 1000 * columns), rows: 1000, columns };
    const first = await trainAutoencoder(small, { ...options, epochs: 3 });
    const second = await trainAutoencoder(small, { ...options, epochs: 3 });
    const other = await trainAutoencoder(small, { ...options, epochs: 3, seed: 12 });
    const [a, b, c] = await Promise.all([first, second, other].map((trained) => reconstructionErrors(trained, small)));
    expect(Array.from(b.total)).toEqual(Array.from(a.total));
    expect(Array.from(b.perFeature)).toEqual(Array.from(a.perFeature));
    expect((await saveAutoencoder(second)).weights).toEqual((await saveAutoencoder(first)).weights);
    expect(Array.from(c.total)).not.toEqual(Array.from(a.total));
    [first, second, other].forEach(disposeAutoencoder);
  });

  it('restores from JSON to the very same errors', async () => {
    const saved = await saveAutoencoder(model);
    expect(saved).toMatchObject({ kind: 'autoencoder', version: 1, columns, hidden: options.hidden });
    expect(saved.shapes).toEqual([[12, 8], [8], [8, 4], [4], [4, 8], [8], [8, 12], [12]]);
    const restored = await restoreAutoencoder(JSON.parse(JSON.stringify(saved)) as AutoencoderJson);
    const again = await reconstructionErrors(restored, matrix);
    expect(Array.from(again.total)).toEqual(Array.from(errors.total));
    expect(Array.from(again.perFeature)).toEqual(Array.from(errors.perFeature));
    disposeAutoencoder(restored);
    await expect(restoreAutoencoder({ ...saved, version: 2 } as unknown as AutoencoderJson)).rejects.toThrow(/version/);
    await expect(restoreAutoencoder({ ...saved, hidden: 5 })).rejects.toThrow(/shapes/);
  });

  it('scores rows in chunks, and other rows than it was trained on', async () => {
    // 140,000 rows span three prediction chunks; the first rows must score as they did alone.
    const rows = 140_000;
    const values = new Float64Array(rows * columns);
    for (let index = 0; index < values.length; index++) values[index] = matrix.values[index % matrix.values.length];
    const large = await reconstructionErrors(model, { values, rows, columns });
    expect(large.total.length).toBe(rows);
    expect(Array.from(large.total.subarray(0, 100))).toEqual(Array.from(errors.total.subarray(0, 100)));
    const empty = await reconstructionErrors(model, { values: new Float64Array(0), rows: 0, columns });
    expect(empty.total.length).toBe(0);
    await expect(reconstructionErrors(model, { values, rows: 10, columns: 11 })).rejects.toThrow(/columns/);
    const means = await meanReconstructionErrors(model, { values, rows, columns });
    expect(Array.from(means)).toEqual(Array.from(large.total));
  });

  it('trains on a seeded sample of the rows when asked, the same sample for the same seed', async () => {
    const random = createRandom(3);
    const sample = sampleMatrix(matrix, 100, random);
    expect(sample.rows).toBe(100);
    // Rows keep their order and are rows of the matrix.
    const firstRow = Array.from(sample.values.subarray(0, columns));
    const at = Array.from({ length: matrix.rows }, (_, row) => row).find((row) => matrix.values[row * columns] === firstRow[0]);
    expect(Array.from(matrix.values.subarray((at ?? -1) * columns, ((at ?? -1) + 1) * columns))).toEqual(firstRow);
    expect(sampleMatrix(matrix, matrix.rows, random)).toBe(matrix);
    const first = await trainAutoencoder(matrix, { ...options, epochs: 2, sampleRows: 500 });
    const second = await trainAutoencoder(matrix, { ...options, epochs: 2, sampleRows: 500 });
    expect((await saveAutoencoder(second)).weights).toEqual((await saveAutoencoder(first)).weights);
    expect((await saveAutoencoder(second)).mean).not.toEqual(Array.from(model.mean));
    [first, second].forEach(disposeAutoencoder);
    await expect(trainAutoencoder(matrix, { ...options, sampleRows: 0 })).rejects.toThrow(/sampleRows/);
  });

  it('leaves no tensors behind', () => {
    disposeAutoencoder(model);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
});
