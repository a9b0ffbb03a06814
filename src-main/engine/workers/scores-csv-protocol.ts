import type { VerdictColumns } from '../detect/verdict-lines.js';
import type { WorkerError } from './protocol.js';

/**
 * Messages to the SCORES.csv worker: read the case's events into their part of each line (while the
 * caller's detection runs), then write the file with the run's verdicts.
 */
export type ScoresCsvRequest = { type: 'prepare'; casePath: string } | { type: 'write'; path: string; verdicts: VerdictColumns };

/** Messages from the SCORES.csv worker. */
export type ScoresCsvReply = { type: 'written'; rows: number } | { type: 'error'; error: WorkerError };
