/**
 * Scoring logins with a trained run as they arrive, the one path the risk API and the live pipeline share:
 * the run's scorer and the lockout policy, brought to the present by replaying the case's events in time
 * order (causal state: every login is judged on what came before it, as the batch run judged it), then
 * each new login scored, the lockout applied, and the row stored in `scores` for the run.
 */
import type { Decision } from '../../../src-shared/detect/ensemble.js';
import type { LoginScore, StoredReason } from '../../../src-shared/detect/login-score.js';
import type { LoginScorer } from '../../../src-shared/detect/login-scorer.js';
import type { DetectionLogin } from '../../../src-shared/detect/login.js';
import type { LoginEvent } from '../../../src-shared/event.js';
import { createRunScorer } from '../detect/live-scorer.js';
import type { DetectionSettings } from '../detect/settings.js';
import { runSettings } from '../detect/trained-models.js';
import type { CaseDatabase } from '../store/database.js';
import type { ModelRunRow, ScoreRow } from '../store/scores.js';
import { createLockoutPolicy, defaultLockMinutes, type ActiveLock, type LockoutPolicy } from './lockout.js';

/** A run ready to score new logins: its scorer, its detection settings and the lockout policy. */
export interface RunScoring {
  run: ModelRunRow;
  scorer: LoginScorer;
  lockout: LockoutPolicy;
  settings: DetectionSettings;
}

/** The verdict on a new login: its score, and the decision and reasons once the lockout is applied. */
export interface LoginVerdict {
  score: LoginScore;
  decision: Decision;
  reasons: StoredReason[];
  /** The lock that holds (a new one or an earlier one), or null. */
  lock: ActiveLock | null;
}

/** Who locks accounts, and for how long. */
export interface RunScoringOptions {
  actor: string;
  lockMinutes?: number;
}

/** The facts detection reads from a stored event (the same columns `iterateDetectionLogins` reads). */
export function detectionLogin(event: Omit<LoginEvent, 'sourceId' | 'line' | 'record' | 'raw'>): DetectionLogin {
  return {
    id: event.id,
    time: event.time,
    user: event.user,
    success: event.outcome === 'success',
    ip: event.ip,
    network: event.network,
    asn: event.asn,
    country: event.country,
    region: event.region,
    city: event.city,
    latitude: event.latitude,
    longitude: event.longitude,
    browser: event.browser,
    os: event.os,
    deviceType: event.deviceType,
  };
}

/** A run's scorer and lockout policy with empty state (replay the case's logins before scoring new ones). */
export function createRunScoring(db: CaseDatabase, run: ModelRunRow, options: RunScoringOptions): RunScoring {
  const settings = runSettings(run);
  const lockout = createLockoutPolicy(
    db,
    { failures: settings.bruteForceFailures, windowMinutes: settings.burstWindowMinutes, lockMinutes: options.lockMinutes ?? defaultLockMinutes },
    options.actor,
  );
  return { run, scorer: createRunScorer(run), lockout, settings };
}

/** Learn one login of the case's history: scored (the state moves on) and counted for lockouts, never locking. */
export function replayLogin(state: RunScoring, login: DetectionLogin): LoginScore {
  const score = state.scorer.scoreOne(login);
  state.lockout.remember(login.user, login.time, login.success);
  return score;
}

/** Replay logins (the case's events in time order, as `iterateDetectionLogins` reads them) into the state. */
export function replayLogins(state: RunScoring, logins: Iterable<DetectionLogin>): number {
  let count = 0;
  for (const login of logins) {
    replayLogin(state, login);
    count++;
  }
  return count;
}

/** Judge a new login: score it, apply the lockout (a locked account is blocked, with `account_locked` first among the reasons). */
export function judgeLogin(state: RunScoring, login: DetectionLogin): LoginVerdict {
  return lockedVerdict(state.scorer.scoreOne(login), state.lockout.apply(login.user, login.time, login.success));
}

/** A login's verdict: its score, or a block when a lock holds. */
export function lockedVerdict(score: LoginScore, lock: ActiveLock | null): LoginVerdict {
  if (!lock) return { score, decision: score.decision, reasons: score.reasons, lock: null };
  return { score, decision: 'block', reasons: [{ rule: 'account_locked', severity: 1, reason: lock.reason }, ...score.reasons], lock };
}

/** The score row a verdict is stored as; `reasons` is its reasons as stored (JSON), when written out already. */
export function verdictRow(runId: number, eventId: number, verdict: Pick<LoginVerdict, 'score' | 'decision' | 'reasons'>, reasons = JSON.stringify(verdict.reasons)): ScoreRow {
  const { score } = verdict;
  return {
    run_id: runId,
    event_id: eventId,
    risk: score.risk,
    level: score.level,
    decision: verdict.decision,
    rules: score.components.rules,
    freeman: score.components.freeman,
    forest: score.components.forest,
    autoencoder: score.components.autoencoder,
    reasons,
  };
}
