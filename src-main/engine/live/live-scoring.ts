/**
 * Scoring of live events with the case's latest complete run. The causal state, models and lockout live
 * on a thread and a connection of their own (`live-scorer-worker`): while it judges one batch and stores
 * its scores, this thread stores the next. When the session starts, and whenever a newer run appears (a
 * training finished), that thread rebuilds the run's state by replaying the case's events; events stored
 * meanwhile wait in its queue and are scored after it, in order. Events the run never saw (stored while
 * it trained) get their score on the way. That thread also keeps the run's incidents: the alerts among the
 * scores it stores join them in the same transaction. Without a run, events are stored unscored and the
 * status says why.
 */
import type { Worker } from 'node:worker_threads';
import type { BatchAlert, IncidentSettings } from '../alerts/run-incidents.js';
import type { CaseDatabase } from '../store/database.js';
import { maxEventId } from '../store/events.js';
import type { WriteTurn } from '../store/write-turn.js';
import { latestCompleteRunId } from '../store/queries/model-runs.js';
import { latestModelRun, maxScoredEventId, type ModelRunRow } from '../store/scores.js';
import type { LiveScorerReply, LiveScorerRequest } from '../workers/live-scorer-protocol.js';
import { startEngineWorker } from '../workers/worker-modules.js';
import type { LiveLogin } from './live-types.js';

/** A batch of a source's logins scored and stored: how many, and those that are alerts (with the incidents they joined). */
export interface ScoredBatch {
  sourceId: number;
  count: number;
  alerts: BatchAlert<LiveLogin>[];
}

/** What scoring needs. */
export interface LiveScoringOptions {
  db: CaseDatabase;
  casePath: string;
  actor: string;
  /** Called with each batch of scored events (their score rows are stored, their alerts in incidents). */
  onScored: (batch: ScoredBatch) => void;
  onError: (message: string) => void;
  /** Turns at writing, shared with the scorer thread (which stores the scores). */
  turn: WriteTurn;
  /** Which scores are alerts and their incident window, as they stand when a run is loaded. */
  incidentSettings: () => IncidentSettings;
}

/** The reason shown while a case has no trained run. */
export const noModelReason = 'no trained model: run vigil train';

/** A run the scorer thread is replaying. */
interface LoadingRun {
  run: ModelRunRow;
  done: () => void;
}

/** Scores live events with the latest run; picks up newer runs. */
export class LiveScoring {
  private readonly worker: Worker;
  private current: ModelRunRow | null = null;
  private loading: { run: LoadingRun; finished: Promise<void> } | null = null;
  private reason: string | null = noModelReason;
  /**
   * The sources of the batches sent to the scorer thread, oldest first: each `scored` answer is the first
   * one's (its alerts come back with their logins, so the logins sent are not kept here).
   */
  private readonly sent: number[] = [];
  private drained: (() => void) | null = null;
  private closed = false;

  constructor(private readonly options: LiveScoringOptions) {
    this.worker = startEngineWorker('live-scorer-worker', { maxOldGenerationSizeMb: 2048, maxYoungGenerationSizeMb: 64 });
    this.worker.on('message', (reply: LiveScorerReply) => this.receive(reply));
    this.worker.on('error', (error) => this.fail(`the scoring thread failed: ${error.message}`));
    this.worker.on('exit', (code) => {
      if (!this.closed) this.fail(`the scoring thread stopped (exit code ${code})`);
    });
  }

  /** The run in use, or null with the reason. */
  status(): { runId: number | null; reason: string | null } {
    return { runId: this.current?.id ?? null, reason: this.reason };
  }

  /** Look for a newer complete run and start using it (resolves once its replay is done). */
  refresh(): Promise<void> {
    if (this.loading) return this.loading.finished;
    if (this.closed) return Promise.resolve();
    const { db, casePath } = this.options;
    const latest = latestCompleteRunId(db);
    if (latest === null || latest === this.current?.id) return Promise.resolve();
    const run = latestModelRun(db);
    if (!run) return Promise.resolve();
    // The scorer replays what is stored now; what this session stores from now on comes after it, as live events.
    const upTo = maxEventId(db);
    let done = (): void => undefined;
    const finished = new Promise<void>((resolve) => (done = resolve));
    this.loading = { run: { run, done }, finished };
    this.reason = `replaying the case through run #${run.id}`;
    const { actor, turn, incidentSettings } = this.options;
    this.post({ type: 'load', casePath, run, upTo, scoredUpTo: maxScoredEventId(db, run.id), actor, turn: turn.buffer, incidents: incidentSettings() });
    return finished;
  }

  /** Settings for the alerts scored from now on (a changed threshold groups the run's alerts again). */
  updateIncidentSettings(settings: IncidentSettings): void {
    if (!this.closed) this.post({ type: 'incidents', settings });
  }

  /** Score logins just stored by a source (after a replay under way, if any). Without a run they stay unscored. */
  score(logins: LiveLogin[], sourceId: number): void {
    if ((!this.current && !this.loading) || logins.length === 0 || this.closed) return;
    this.sent.push(sourceId);
    this.post({ type: 'score', logins });
  }

  /** Stop: events sent are scored and stored first, unless a replay is under way (they stay unscored then). */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.sent.length > 0 && !this.loading) await new Promise<void>((resolve) => (this.drained = resolve));
    this.closed = true;
    this.loading?.run.done();
    await new Promise<void>((resolve) => {
      this.worker.on('message', (reply: LiveScorerReply) => reply.type === 'closed' && resolve());
      this.worker.once('exit', () => resolve());
      this.post({ type: 'close' });
    });
    await this.worker.terminate();
  }

  private post(request: LiveScorerRequest): void {
    this.worker.postMessage(request);
  }

  private receive(reply: LiveScorerReply): void {
    try {
      if (reply.type === 'scored') this.scored(reply);
      else if (reply.type === 'failed') this.options.onError(reply.reason);
      else if (reply.type === 'loaded') this.loaded();
      else if (reply.type === 'unloadable') this.unloadable(reply.reason);
      else if (reply.type === 'error') this.fail(`the scoring thread failed: ${reply.error.message}`);
    } catch (error) {
      this.options.onError(`cannot handle live scores: ${(error as Error).message}`);
    }
  }

  /** The oldest batch sent is scored and stored by the scorer thread: handed on with its alerts. */
  private scored({ count, alerts, failure }: Extract<LiveScorerReply, { type: 'scored' }>): void {
    const sourceId = this.sent.shift();
    if (this.sent.length === 0) this.drained?.();
    if (failure) this.options.onError(failure);
    if (sourceId === undefined || count === 0) return;
    this.options.onScored({ sourceId, count, alerts });
  }

  private loaded(): void {
    const loading = this.loading?.run;
    if (!loading) return;
    this.loading = null;
    this.current = loading.run;
    this.reason = null;
    loading.done();
  }

  private unloadable(reason: string): void {
    const loading = this.loading?.run;
    this.loading = null;
    this.current = null;
    this.reason = reason;
    this.options.onError(reason);
    loading?.done();
  }

  /** The scorer thread is gone: events sent stay unscored, and no more are scored. */
  private fail(message: string): void {
    if (this.closed) return;
    this.closed = true;
    this.sent.length = 0;
    this.drained?.();
    this.unloadable(message);
  }
}
