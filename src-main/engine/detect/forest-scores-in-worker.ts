import { getPriority } from 'node:os';
import type { IsolationForest, Matrix } from '../../../src-shared/detect/isolation-forest.js';
import type { ForestScoreReply, ForestScoreRequest } from '../workers/forest-score-protocol.js';
import { startEngineWorker } from '../workers/worker-modules.js';

/**
 * The anomaly score of every row of `features`, computed in a worker thread so the caller can train the
 * autoencoder meanwhile on the other core. Rows in a SharedArrayBuffer are read in place, not copied.
 * The worker runs at this thread's priority.
 */
export function forestScoresInWorker(forest: IsolationForest, features: Matrix): Promise<Float64Array> {
  const worker = startEngineWorker('forest-score-worker', undefined, getPriority() > 0);
  const scores = new Promise<Float64Array>((resolve, reject) => {
    worker.on('message', (reply: ForestScoreReply) => {
      if (reply.type === 'scores') resolve(reply.scores);
      else reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the forest scorer stopped (exit code ${code})`)));
  });
  worker.postMessage({ forest, features } satisfies ForestScoreRequest);
  return scores.finally(() => {
    worker.removeAllListeners();
    void worker.terminate();
  });
}
