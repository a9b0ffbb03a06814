import type { LoginScore } from '../../../src-shared/detect/login-score.js';
import type { DetectionLogin } from '../../../src-shared/detect/login.js';
import type { ModelRunRow } from '../store/scores.js';
import type { WorkerError } from './protocol.js';

/**
 * Messages to the live scorer, handled in order:
 * - `load`: score with `run` from now on, after replaying the case's events up to id `upTo` in time order
 *   (events stored later come as `score`); events above `scoredUpTo` have no score of the run yet and are
 *   scored on the way (`backfill`).
 * - `score`: judge logins just stored, in order; answered by one `scored`.
 */
export type LiveScorerRequest = { type: 'load'; casePath: string; run: ModelRunRow; upTo: number; scoredUpTo: number } | { type: 'score'; logins: DetectionLogin[] };

/**
 * Messages from the live scorer, in the order of the requests:
 * - `backfill`: scores of replayed logins the run had none for (in slices), then `loaded` with the recent
 *   failures the replay counted for the lockout (see `RecentFailures`), or `unloadable` and why;
 * - `scored`: the scores of one `score` request, or null when no run could be loaded.
 */
export type LiveScorerReply =
  | { type: 'backfill'; runId: number; logins: DetectionLogin[]; scores: LoginScore[] }
  | { type: 'loaded'; runId: number; failures: [string, number[]][] }
  | { type: 'unloadable'; runId: number; reason: string }
  | { type: 'scored'; scores: LoginScore[] | null }
  | { type: 'error'; error: WorkerError };

/** Backfilled scores per message. */
export const backfillSlice = 5000;
