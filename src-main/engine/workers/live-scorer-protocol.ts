import type { BatchAlert, IncidentSettings } from '../alerts/run-incidents.js';
import type { LiveLogin } from '../live/live-types.js';
import type { ModelRunRow } from '../store/scores.js';
import type { WorkerError } from './protocol.js';

/**
 * Messages to the live scorer, handled in order:
 * - `load`: score with `run` from now on, after replaying the case's events up to id `upTo` in time order
 *   (events stored later come as `score`); events above `scoredUpTo` have no score of the run yet and are
 *   scored and stored on the way. `actor` is who the lockouts it decides are recorded for; `turn`, the
 *   turns at writing it shares with the live worker (see `WriteTurn`); `incidents`, which scores are
 *   alerts and their incident window: once replayed, the run's alerts are grouped into incidents and the
 *   alerts among the scores stored on the way join them.
 * - `score`: judge logins just stored, in order, store their scores and record the alerts among them in
 *   incidents; answered by one `scored`.
 * - `incidents`: settings for the alerts scored from now on (a changed threshold groups the run's again).
 * - `close`: close the connection; answered by `closed`.
 */
export type LiveScorerRequest =
  | { type: 'load'; casePath: string; run: ModelRunRow; upTo: number; scoredUpTo: number; actor: string; turn: SharedArrayBuffer; incidents: IncidentSettings }
  | { type: 'score'; logins: LiveLogin[] }
  | { type: 'incidents'; settings: IncidentSettings }
  | { type: 'close' };

/**
 * Messages from the live scorer, in the order of the requests:
 * - `loaded`, or `unloadable` and why, for a `load`;
 * - `scored`: one `score` request's logins are scored and stored (`count`: how many); its alerts (the
 *   logins whose verdicts reach the threshold, the only ones the live worker reads) with their incidents;
 *   `count` 0 when no run could be loaded or the scores could not be stored; `failure`, why something could
 *   not be stored or recorded;
 * - `failed`: why an `incidents` request could not be carried out.
 */
export type LiveScorerReply =
  | { type: 'loaded'; runId: number }
  | { type: 'unloadable'; runId: number; reason: string }
  | { type: 'scored'; count: number; alerts: BatchAlert<LiveLogin>[]; failure?: string }
  | { type: 'failed'; reason: string }
  | { type: 'closed' }
  | { type: 'error'; error: WorkerError };
