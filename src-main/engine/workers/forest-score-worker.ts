import { parentPort } from 'node:worker_threads';
import { anomalyScores } from '../../../src-shared/detect/isolation-forest.js';
import type { ForestScoreReply, ForestScoreRequest } from './forest-score-protocol.js';
import { toWorkerError } from './protocol.js';

/** The forest scorer: scores the rows of a pass with a trained Isolation Forest while the caller trains the autoencoder. */
const port = parentPort;
if (!port) throw new Error('forest-score-worker runs in a worker thread');

port.on('message', ({ forest, features }: ForestScoreRequest) => {
  let reply: ForestScoreReply;
  try {
    const scores = anomalyScores(forest, features);
    reply = { type: 'scores', scores };
    port.postMessage(reply, [scores.buffer]);
  } catch (error) {
    reply = { type: 'error', error: toWorkerError(error) };
    port.postMessage(reply);
  }
});
