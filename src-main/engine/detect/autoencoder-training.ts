/**
 * One training step of the autoencoder: forward pass, hand-written backpropagation of the mean squared
 * error, and an Adam update (PyTorch's formula and defaults: β1 0.9, β2 0.999, ε 1e-8).
 *
 * Why not `optimizer.minimize`: every tfjs kernel call costs microseconds of bookkeeping, and this net is
 * so small that the bookkeeping is the training time. All weights live in one flat vector, so Adam is a
 * dozen kernels instead of a dozen per weight tensor, and the backward pass skips the gradient tape and
 * the input gradient nobody needs. The result is the gradient autodiff gives (checked in the tests).
 */
import * as tf from '@tensorflow/tfjs';

const beta1 = 0.9;
const beta2 = 0.999;
const epsilon = 1e-8;

/** Where one weight tensor sits in the flat vector. */
interface Slot {
  offset: number;
  size: number;
  shape: number[];
}

/** Flat weights [kernel 1, bias 1, kernel 2, …] with their Adam moments and step count. */
export interface TrainingState {
  weights: tf.Variable;
  firstMoment: tf.Variable;
  secondMoment: tf.Variable;
  /** Summed squared error of the batches since the last `takeSquaredError`, kept on the backend. */
  squaredError: tf.Variable;
  slots: Slot[];
  learningRate: number;
  steps: number;
  constants: { beta1: tf.Scalar; beta2: tf.Scalar; oneMinusBeta1: tf.Scalar; oneMinusBeta2: tf.Scalar; epsilon: tf.Scalar };
}

/** Flatten a network's weights (kernel, bias per layer, as tf.Sequential orders them) into a training state. */
export function createTrainingState(weights: tf.Tensor[], learningRate: number): TrainingState {
  const slots: Slot[] = [];
  let offset = 0;
  for (const weight of weights) {
    slots.push({ offset, size: weight.size, shape: weight.shape });
    offset += weight.size;
  }
  // Variables made inside tidy survive it and keep their data; the temporaries do not.
  const [flatWeights, firstMoment, secondMoment, squaredError] = tf.tidy(() => {
    const flat = tf.concat(weights.map((weight) => tf.reshape(weight, [-1])));
    return [tf.variable(flat, false), tf.variable(tf.zerosLike(flat), false), tf.variable(tf.zerosLike(flat), false), tf.variable(tf.scalar(0), false)];
  });
  return {
    weights: flatWeights,
    firstMoment,
    secondMoment,
    squaredError,
    slots,
    learningRate,
    steps: 0,
    constants: {
      beta1: tf.scalar(beta1),
      beta2: tf.scalar(beta2),
      oneMinusBeta1: tf.scalar(1 - beta1),
      oneMinusBeta2: tf.scalar(1 - beta2),
      epsilon: tf.scalar(epsilon),
    },
  };
}

/** The weight tensors (kernel, bias per layer) of a training state; the caller disposes them. */
export function unpackWeights(state: TrainingState): tf.Tensor[] {
  return tf.tidy(() => state.slots.map((slot) => tf.reshape(tf.slice(state.weights, slot.offset, slot.size), slot.shape)));
}

/** Free a training state's tensors. */
export function disposeTrainingState(state: TrainingState): void {
  tf.dispose([state.weights, state.firstMoment, state.secondMoment, state.squaredError, ...Object.values(state.constants)]);
}

/**
 * Forward pass on a batch: the activations of every layer, input first. The last layer is linear,
 * the others relu, each a fused matmul + bias (+ relu) kernel.
 */
export function forward(input: tf.Tensor2D, weights: tf.Tensor[]): tf.Tensor2D[] {
  const activations: tf.Tensor2D[] = [input];
  const layers = weights.length / 2;
  for (let layer = 0; layer < layers; layer++) {
    activations.push(
      tf.fused.matMul({
        a: activations[layer],
        b: weights[2 * layer] as tf.Tensor2D,
        bias: weights[2 * layer + 1],
        activation: layer === layers - 1 ? 'linear' : 'relu',
      }) as tf.Tensor2D,
    );
  }
  return activations;
}

/**
 * Gradient of the mean squared reconstruction error (mean over rows and columns) with respect to every
 * weight, flattened like the state's weights, and the batch's summed squared error.
 * Must run inside tf.tidy.
 */
export function lossGradient(state: TrainingState, batch: tf.Tensor2D): { gradient: tf.Tensor1D; squaredError: tf.Scalar } {
  const weights = state.slots.map((slot) => tf.reshape(tf.slice(state.weights, slot.offset, slot.size), slot.shape));
  const activations = forward(batch, weights);
  const layers = weights.length / 2;
  const difference = tf.sub(activations[layers], batch);
  const squaredError = tf.sum<tf.Scalar>(tf.square(difference));
  // d(mean((y − x)²))/dy = 2 (y − x) / (rows · columns)
  let delta = tf.mul(difference, tf.scalar(2 / batch.size));
  const gradients: tf.Tensor[] = new Array(weights.length);
  // Explicit transposes, not matMul's transpose flags: the wasm kernel is several times slower with the flags.
  for (let layer = layers - 1; layer >= 0; layer--) {
    gradients[2 * layer] = tf.matMul(tf.transpose(activations[layer]), delta);
    gradients[2 * layer + 1] = tf.sum(delta, 0);
    if (layer > 0) {
      // Back through the relu: its derivative is 1 where the activation is positive, else 0 (as tf's).
      delta = tf.mul(tf.matMul(delta, tf.transpose(weights[2 * layer] as tf.Tensor2D)), tf.step(activations[layer]));
    }
  }
  const gradient = tf.concat(gradients.map((tensor) => tf.reshape(tensor, [-1]))) as tf.Tensor1D;
  return { gradient, squaredError };
}

/**
 * One Adam step on a batch, adding the batch's squared error (before the update) to the state's sum,
 * which stays on the backend until `takeSquaredError` reads it once per epoch.
 */
export function trainingStep(state: TrainingState, batch: tf.Tensor2D): void {
  state.steps += 1;
  const correction1 = 1 - beta1 ** state.steps;
  const correction2 = 1 - beta2 ** state.steps;
  const { beta1: b1, beta2: b2, oneMinusBeta1, oneMinusBeta2, epsilon: eps } = state.constants;
  tf.tidy(() => {
    const { gradient, squaredError } = lossGradient(state, batch);
    state.squaredError.assign(tf.add(state.squaredError, squaredError));
    const firstMoment = tf.add(tf.mul(state.firstMoment, b1), tf.mul(gradient, oneMinusBeta1));
    const secondMoment = tf.add(tf.mul(state.secondMoment, b2), tf.mul(tf.square(gradient), oneMinusBeta2));
    state.firstMoment.assign(firstMoment);
    state.secondMoment.assign(secondMoment);
    // θ ← θ − lr · m̂ / (√v̂ + ε), with m̂ = m / (1 − β1ᵗ) and v̂ = v / (1 − β2ᵗ), as torch.optim.Adam.
    const stepSize = tf.mul(firstMoment, tf.scalar(state.learningRate / correction1));
    const denominator = tf.add(tf.sqrt(tf.mul(secondMoment, tf.scalar(1 / correction2))), eps);
    state.weights.assign(tf.sub(state.weights, tf.div(stepSize, denominator)));
  });
}

/** The squared error summed since the last call (float32 sums), and start a new sum. */
export function takeSquaredError(state: TrainingState): number {
  const value = state.squaredError.dataSync()[0];
  tf.tidy(() => state.squaredError.assign(tf.zerosLike(state.squaredError)));
  return value;
}
