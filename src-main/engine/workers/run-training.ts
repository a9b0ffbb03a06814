import type { ResourceLimits } from 'node:worker_threads';
import type { RunEvaluation } from '../../../src-shared/api/evaluation.js';
import type { TrainingProgress } from '../../../src-shared/detect/progress.js';
import { startEngineProcess } from './engine-process.js';
import type { CaseCounts } from '../store/queries/case.js';
import type { TrainingSummary, TrainReply, TrainRequest, TrainRequestOptions } from './train-protocol.js';

/**
 * Heap of a detection worker: profiles of every user and the feature rows of every event are held at
 * once (a million events need a few hundred MB), so the cap is generous; it still bounds a runaway.
 */
const trainResourceLimits: ResourceLimits = { maxOldGenerationSizeMb: 4096, maxYoungGenerationSizeMb: 64 };

/** Thrown when a training was stopped on request. */
export class TrainingStopped extends Error {
  override name = 'TrainingStopped';
}

/** Distributes a request over Omit for each member of the union. */
type RequestBody = TrainRequest extends infer Request ? (Request extends TrainRequest ? Omit<Request, 'seq' | 'casePath'> : never) : never;

/**
 * Train and score a case in a worker of the engine process (see engine-process.ts) with its own connection,
 * so the caller's thread (Electron main, the HTTP server) never blocks. Progress arrives as events; aborting
 * terminates the worker, whose run then stays 'training' for the caller to mark failed.
 */
export async function trainInWorker(
  casePath: string,
  options: TrainRequestOptions,
  hooks: { onProgress?: (progress: TrainingProgress) => void; signal?: AbortSignal } = {},
): Promise<TrainingSummary> {
  const reply = await askWorker(casePath, { type: 'train', options }, hooks);
  if (reply.type !== 'trained') throw new Error(`unexpected answer '${reply.type}' to a training`);
  return reply.summary;
}

/** Evaluate a run against the case's labels in a worker (a million scores take a second or two to load and sort). */
export async function evaluateInWorker(casePath: string, runId: number): Promise<RunEvaluation> {
  const reply = await askWorker(casePath, { type: 'evaluate', runId });
  if (reply.type !== 'evaluated') throw new Error(`unexpected answer '${reply.type}' to an evaluation`);
  return reply.evaluation;
}

/** Group a run's alerts at `threshold` into incidents in a worker; resolves to how many there are. */
export async function deriveIncidentsInWorker(casePath: string, runId: number, threshold: number): Promise<number> {
  const reply = await askWorker(casePath, { type: 'incidents', runId, threshold });
  if (reply.type !== 'derived') throw new Error(`unexpected answer '${reply.type}' to grouping incidents`);
  return reply.incidents;
}

/**
 * After an import: refresh the planner's statistics (ANALYZE took 2 s on a 5M-event case) and count the
 * case (a COUNT over 5M events takes 50-300 ms) on the worker's connection, so the serving thread does neither.
 */
export async function refreshStatisticsInWorker(casePath: string): Promise<CaseCounts> {
  const reply = await askWorker(casePath, { type: 'statistics' });
  if (reply.type !== 'refreshed') throw new Error(`unexpected answer '${reply.type}' to refreshing statistics`);
  return reply.counts;
}

/** Send one request to a fresh detection worker in the engine process and resolve with its final answer (progress goes to the hook). */
function askWorker(casePath: string, body: RequestBody, hooks: { onProgress?: (progress: TrainingProgress) => void; signal?: AbortSignal } = {}): Promise<TrainReply> {
  const worker = startEngineProcess('train-worker', trainResourceLimits);
  const seq = 1;
  return new Promise<TrainReply>((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      hooks.signal?.removeEventListener('abort', abort);
      void worker.terminate();
      action();
    };
    const abort = (): void => finish(() => reject(new TrainingStopped('training stopped by the user')));
    if (hooks.signal?.aborted) return abort();
    hooks.signal?.addEventListener('abort', abort);
    worker.on('message', (reply: TrainReply) => {
      if (reply.type === 'progress') hooks.onProgress?.(reply.progress);
      else if (reply.type === 'error') finish(() => reject(Object.assign(new Error(reply.error.message), { name: reply.error.name })));
      else finish(() => resolve(reply));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`the detection worker exited (code ${code}) before answering`))));
    worker.postMessage({ ...body, seq, casePath } as TrainRequest);
  });
}
