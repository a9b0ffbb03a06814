import type { IsolationForest, Matrix } from '../../../src-shared/detect/isolation-forest.js';
import type { WorkerError } from './protocol.js';

/** To the forest scorer: the forest and the rows to score (their values best in a SharedArrayBuffer, not copied). */
export type ForestScoreRequest = { forest: IsolationForest; features: Matrix };

/** From the forest scorer: each row's anomaly score. */
export type ForestScoreReply = { type: 'scores'; scores: Float64Array } | { type: 'error'; error: WorkerError };
