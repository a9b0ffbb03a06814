import { parentPort } from 'node:worker_threads';
import type { TrainingProgress } from '../../../src-shared/detect/progress.js';
import { evaluateRisks } from '../../../src-shared/evaluation/evaluate-risks.js';
import { deriveIncidents } from '../alerts/derive-incidents.js';
import { runDetection } from '../detect/run-detection.js';
import { openCase, type CaseDatabase } from '../store/database.js';
import { caseCounts, refreshStatistics } from '../store/queries/case.js';
import { loadLabelledRisks } from '../store/queries/run-scores.js';
import { toWorkerError } from './protocol.js';
import type { TrainReply, TrainRequest, TrainRequestOptions } from './train-protocol.js';

/** Fewest milliseconds between progress messages within a phase: the UI redraws no faster than this anyway. */
const progressIntervalMs = 100;

/** The detection worker: its own case connection per request; trains, evaluates, groups alerts and refreshes statistics off the caller's thread. */
const port = parentPort;
if (!port) throw new Error('train-worker runs in a worker thread');
const send = (reply: TrainReply): void => port.postMessage(reply);

port.on('message', (request: TrainRequest) => {
  // The connection is closed before the answer is sent: the caller terminates the worker on receipt.
  const answer = async (): Promise<TrainReply> => {
    const db = openCase(request.casePath);
    try {
      if (request.type === 'train') return { type: 'trained', seq: request.seq, summary: await train(db, request.options, (progress) => send({ type: 'progress', seq: request.seq, progress })) };
      if (request.type === 'evaluate') {
        const { risks, codes, labels } = loadLabelledRisks(db, request.runId);
        return { type: 'evaluated', seq: request.seq, evaluation: evaluateRisks(request.runId, risks, codes, labels) };
      }
      if (request.type === 'statistics') {
        refreshStatistics(db);
        return { type: 'refreshed', seq: request.seq, counts: caseCounts(db) };
      }
      return { type: 'derived', seq: request.seq, incidents: deriveIncidents(db, request.runId, request.threshold) };
    } catch (error) {
      return { type: 'error', seq: request.seq, error: toWorkerError(error) };
    } finally {
      db.close();
    }
  };
  void answer().then(send);
});

/** Train and score every event, then group the new run's alerts into incidents. */
async function train(db: CaseDatabase, options: TrainRequestOptions, send: (progress: TrainingProgress) => void) {
  const { seed, models, challengeAt, blockAt, incidentThreshold } = options;
  let last: { phase: TrainingProgress['phase']; at: number } | null = null;
  const report = (progress: TrainingProgress): void => {
    const now = Date.now();
    // Every phase change, every epoch (its loss is charted) and the end of a phase always go through.
    const due = !last || last.phase !== progress.phase || progress.phase === 'autoencoder' || progress.done >= progress.total || now - last.at >= progressIntervalMs;
    if (!due) return;
    last = { phase: progress.phase, at: now };
    send(progress);
  };
  const run = await runDetection(db, { seed, models, settings: { challengeAt, blockAt }, onProgress: report });
  const incidents = deriveIncidents(db, run.runId, incidentThreshold);
  return { runId: run.runId, events: run.events, seconds: run.seconds, incidents };
}
