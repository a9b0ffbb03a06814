import type { LoginScore } from '../../../src-shared/detect/login-score.js';
import type { DetectionLogin } from '../../../src-shared/detect/login.js';
import type { LoginVerdict } from '../response/run-scoring.js';
import type { ModelRunRow } from '../store/scores.js';
import type { WorkerError } from './protocol.js';

/**
 * Messages to the live scorer, handled in order:
 * - `load`: score with `run` from now on, after replaying the case's events up to id `upTo` in time order
 *   (events stored later come as `score`); events above `scoredUpTo` have no score of the run yet and are
 *   scored and stored on the way (`backfill`). `actor` is who the lockouts it decides are recorded for;
 *   `turn`, the turns at writing it shares with the live worker (see `WriteTurn`).
 * - `score`: judge logins just stored, in order, store their scores; answered by one `scored`.
 * - `close`: close the connection; answered by `closed`.
 */
export type LiveScorerRequest =
  | { type: 'load'; casePath: string; run: ModelRunRow; upTo: number; scoredUpTo: number; actor: string; turn: SharedArrayBuffer }
  | { type: 'score'; logins: DetectionLogin[] }
  | { type: 'close' };

/**
 * Messages from the live scorer, in the order of the requests:
 * - `backfill`: replayed logins the run had no score for and their scores, stored (in slices); then
 *   `loaded`, or `unloadable` and why;
 * - `scored`: the verdicts of one `score` request, stored; null when no run could be loaded, or with the
 *   reason they could not be stored.
 */
export type LiveScorerReply =
  | { type: 'backfill'; runId: number; logins: DetectionLogin[]; scores: LoginScore[] }
  | { type: 'loaded'; runId: number }
  | { type: 'unloadable'; runId: number; reason: string }
  | { type: 'scored'; verdicts: LoginVerdict[] | null; failure?: string }
  | { type: 'closed' }
  | { type: 'error'; error: WorkerError };

/** Backfilled scores per message. */
export const backfillSlice = 5000;
