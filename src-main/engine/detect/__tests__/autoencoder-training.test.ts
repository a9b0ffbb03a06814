import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork } from '../autoencoder-model.js';
import { createTrainingState, disposeTrainingState, forward, lossGradient, trainingStep, unpackWeights } from '../autoencoder-training.js';
import { useWasmBackend } from '../tfjs-backend.js';

describe('autoencoder training step', () => {
  beforeAll(async () => {
    await useWasmBackend();
  });

  it('backpropagates the gradient tfjs autodiff gives', () => {
    const network = buildNetwork(7, 3, 1);
    const state = createTrainingState(network.getWeights(), 0.001);
    const batch = tf.randomNormal<tf.Rank.R2>([33, 7], 0, 1, 'float32', 2);
    const [ours, reference] = tf.tidy(() => {
      const { gradient } = lossGradient(state, batch);
      const weights = unpackWeights(state);
      const meanSquaredError = (...parameters: tf.Tensor[]): tf.Scalar => {
        const activations = forward(batch, parameters);
        return tf.mean<tf.Scalar>(tf.squaredDifference(activations[activations.length - 1], batch));
      };
      const autodiff = tf.grads(meanSquaredError)(weights);
      return [gradient.arraySync(), tf.concat(autodiff.map((tensor) => tf.reshape(tensor, [-1]))).arraySync() as number[]];
    });
    expect(ours.length).toBe(reference.length);
    const scale = Math.max(...reference.map(Math.abs));
    ours.forEach((value, index) => expect(Math.abs(value - reference[index])).toBeLessThan(1e-5 * scale));
    disposeTrainingState(state);
    network.dispose();
    batch.dispose();
  });

  it('takes Adam steps as torch.optim.Adam does', () => {
    // One weight vector, one step: with a fresh state, Adam moves every weight by lr·sign(gradient) (up to ε).
    const network = buildNetwork(4, 2, 3);
    const state = createTrainingState(network.getWeights(), 0.01);
    const batch = tf.randomNormal<tf.Rank.R2>([16, 4], 0, 1, 'float32', 4);
    const before = state.weights.arraySync() as number[];
    const gradient = tf.tidy(() => lossGradient(state, batch).gradient.arraySync());
    trainingStep(state, batch);
    const after = state.weights.arraySync() as number[];
    before.forEach((value, index) => {
      const expected = gradient[index] === 0 ? value : value - 0.01 * Math.sign(gradient[index]);
      expect(after[index]).toBeCloseTo(expected, 5);
    });
    disposeTrainingState(state);
    network.dispose();
    batch.dispose();
  });
});
