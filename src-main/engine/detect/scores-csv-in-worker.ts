import { startEngineWorker } from '../workers/worker-modules.js';
import type { ScoresCsvReply, ScoresCsvRequest } from '../workers/scores-csv-protocol.js';
import { verdictColumns } from './verdict-lines.js';
import type { PassVerdicts } from './pass-verdicts.js';

/** A SCORES.csv being prepared in a worker thread (see `prepareScoresCsv`). */
export interface PreparedScoresCsv {
  /** Write the file with a run's verdicts on the events `eventIds`; resolves to the rows written. */
  write(path: string, eventIds: Float64Array, verdicts: PassVerdicts): Promise<number>;
  /** Stop the worker (after `write`, or instead of it). */
  stop(): void;
}

/**
 * Start preparing the SCORES.csv of a case's events in a worker thread: it reads and formats every
 * event's part of its line while this thread runs the detection, and writes the file when given the
 * verdicts. Every event of the case must be stored already. It runs in the background, on what the
 * detection's threads leave of the cores: during the causal pass its reader keeps the other core busy
 * most of the time, and the preparation catches up while the models train.
 */
export function prepareScoresCsv(casePath: string): PreparedScoresCsv {
  const worker = startEngineWorker('scores-csv-worker', undefined, true);
  const post = (request: ScoresCsvRequest): void => worker.postMessage(request);
  post({ type: 'prepare', casePath });
  return {
    write(path, eventIds, verdicts) {
      return new Promise<number>((resolve, reject) => {
        worker.on('message', (reply: ScoresCsvReply) => {
          if (reply.type === 'written') resolve(reply.rows);
          else reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
        });
        worker.on('error', reject);
        worker.on('exit', (code) => reject(new Error(`the SCORES.csv worker stopped (exit code ${code})`)));
        post({ type: 'write', path, verdicts: verdictColumns(eventIds, verdicts) });
      });
    },
    stop() {
      void worker.terminate();
    },
  };
}
