/**
 * Scoring of live events with the case's latest complete run. When the session starts, and whenever a
 * newer run appears (a training finished), the run's causal state is rebuilt by replaying the case's
 * events through it (the shared `replayLogin`, as the risk API does) in slices on a second, read-only
 * connection, so the listeners keep reading meanwhile; events stored during the replay wait and are
 * scored after it, in order. Events the run never saw (stored while it trained) get their score on the
 * way. Without a run, events are stored unscored and the status says why.
 */
import type { LoginScore } from '../../../src-shared/detect/login-score.js';
import type { DetectionLogin } from '../../../src-shared/detect/login.js';
import { createRunScoring, detectionLogin, judgeLogin, replayLogin, verdictRow, type LoginVerdict, type RunScoring } from '../response/run-scoring.js';
import { openCase, type CaseDatabase } from '../store/database.js';
import { iterateDetectionLogins } from '../store/detection-input.js';
import { joiningTransaction } from '../store/joining-transaction.js';
import { latestCompleteRunId } from '../store/queries/model-runs.js';
import { latestModelRun, maxScoredEventId, prepareScoreInsert } from '../store/scores.js';
import type { LiveStoredEvent } from './live-source-writer.js';

/** The facts of a scored event that alerts and incidents show. */
export type ScoredFacts = Pick<LiveStoredEvent, 'id' | 'time' | 'user' | 'ip' | 'country' | 'city' | 'receivedAt'>;

/** A live event with its verdict under a run. */
export interface ScoredLiveEvent {
  event: ScoredFacts;
  sourceId: number;
  runId: number;
  verdict: LoginVerdict;
  /** True for an event scored on catching up (stored while the run trained): recorded, never announced. */
  backfill: boolean;
}

/** What scoring needs. */
export interface LiveScoringOptions {
  db: CaseDatabase;
  casePath: string;
  actor: string;
  /** Called with each batch of scored events (their score rows are stored). */
  onScored: (scored: ScoredLiveEvent[]) => void;
  onError: (message: string) => void;
  /** Called once a run is ready, before any event is scored with it (incidents are grouped for it first). */
  onRunReady?: (runId: number) => void;
  /** Which catch-up scores are handed to `onScored` (the others are only stored). Default: none. */
  isNotable?: (score: LoginScore) => boolean;
  /** Logins replayed between two yields to the event loop. Default 5,000. */
  replaySlice?: number;
}

/** The reason shown while a case has no trained run. */
export const noModelReason = 'no trained model: run vigil train';

/** Scores live events with the latest run; picks up newer runs. */
export class LiveScoring {
  private state: RunScoring | null = null;
  private reason: string | null = noModelReason;
  private replaying: Promise<void> | null = null;
  private waiting: { events: LiveStoredEvent[]; sourceId: number }[] = [];
  private readonly waitingIds = new Set<number>();
  private readonly insertScore;
  private closed = false;

  constructor(private readonly options: LiveScoringOptions) {
    this.insertScore = prepareScoreInsert(options.db);
  }

  /** The run in use, or null with the reason. */
  status(): { runId: number | null; reason: string | null } {
    return { runId: this.state?.run.id ?? null, reason: this.reason };
  }

  /** Look for a newer complete run and start using it (resolves once its replay is done). */
  refresh(): Promise<void> {
    if (this.replaying) return this.replaying;
    if (this.closed) return Promise.resolve();
    const latest = latestCompleteRunId(this.options.db);
    if (latest === null || latest === this.state?.run.id) return Promise.resolve();
    this.replaying = this.load().finally(() => (this.replaying = null));
    return this.replaying;
  }

  /** Score events just stored by a source; while a replay runs they wait for it. Without a run they stay unscored. */
  score(events: LiveStoredEvent[], sourceId: number): void {
    if (this.replaying) {
      this.waiting.push({ events, sourceId });
      for (const event of events) this.waitingIds.add(event.id);
      return;
    }
    if (!this.state || events.length === 0) return;
    this.scoreNow(this.state, events, sourceId);
  }

  /** Stop: a replay under way ends at its next slice (resolves then); events waiting for it stay unscored. */
  async close(): Promise<void> {
    this.closed = true;
    await this.replaying?.catch(() => undefined);
  }

  private scoreNow(state: RunScoring, events: LiveStoredEvent[], sourceId: number): void {
    // Joins the live ingest's transaction, which stored these events.
    const scored = joiningTransaction(this.options.db, () =>
      events.map((event): ScoredLiveEvent => {
        const verdict = judgeLogin(state, detectionLogin(event));
        this.insertScore(verdictRow(state.run.id, event.id, verdict));
        return { event, sourceId, runId: state.run.id, verdict, backfill: false };
      }),
    )();
    this.options.onScored(scored);
  }

  private async load(): Promise<void> {
    const { db } = this.options;
    const run = latestModelRun(db);
    if (!run) return;
    let fresh: RunScoring;
    try {
      fresh = createRunScoring(db, run, { actor: this.options.actor });
    } catch (error) {
      this.reason = `run #${run.id} cannot score: ${(error as Error).message}`;
      this.state = null;
      return;
    }
    this.state = null;
    this.reason = `replaying the case through run #${run.id}`;
    // Events this session stores from now on wait; older ones the run has no score for are scored on the way.
    const scoredUpTo = maxScoredEventId(db, run.id);
    const reader = openCase(this.options.casePath, { readonly: true });
    const slice = this.options.replaySlice ?? 5000;
    const pending: ScoredLiveEvent[] = [];
    const notable: ScoredLiveEvent[] = [];
    try {
      let count = 0;
      for (const login of iterateDetectionLogins(reader)) {
        // Events of this session stored during the replay are scored after it, as live events.
        if (this.waitingIds.has(login.id)) continue;
        const score = replayLogin(fresh, login);
        if (login.id > scoredUpTo) {
          const event = backfillEvent(login, score, run.id);
          pending.push(event);
          if (this.options.isNotable?.(score)) notable.push(event);
        }
        if (++count >= slice) {
          count = 0;
          this.storeScores(pending.splice(0));
          await new Promise((resolve) => setImmediate(resolve));
          if (this.closed) return;
        }
      }
      this.storeScores(pending.splice(0));
      this.options.onRunReady?.(run.id);
    } catch (error) {
      this.reason = `replaying the case through run #${run.id} failed: ${(error as Error).message}`;
      this.options.onError(this.reason);
      return;
    } finally {
      reader.close();
    }
    this.state = fresh;
    this.reason = null;
    this.waitingIds.clear();
    if (notable.length > 0) this.options.onScored(notable);
    for (const { events, sourceId } of this.waiting.splice(0)) this.scoreNow(fresh, events, sourceId);
  }

  private storeScores(scored: ScoredLiveEvent[]): void {
    if (scored.length === 0) return;
    this.options.db.transaction(() => {
      for (const item of scored) this.insertScore(verdictRow(item.runId, item.event.id, item.verdict));
    })();
  }
}

/** A replayed event the run had no score for, as a scored event. */
function backfillEvent(login: DetectionLogin, score: LoginScore, runId: number): ScoredLiveEvent {
  const event: ScoredFacts = { id: login.id, time: login.time, user: login.user, ip: login.ip, country: login.country, city: login.city, receivedAt: 0 };
  return { event, sourceId: 0, runId, verdict: { score, decision: score.decision, reasons: score.reasons, lock: null }, backfill: true };
}
