import { createEnricher } from '../enrich/enricher.js';
import { bundledLocationSources } from '../enrich/locations.js';
import type { CaseDatabase } from '../store/database.js';
import { iterateDetectionLogins } from '../store/detection-input.js';
import { prepareEventInsert } from '../store/events.js';
import { createLiveSource, prepareLastInsertId } from '../store/live-sources.js';
import { recentAlerts, type RecentAlertRow } from '../store/recent-alerts.js';
import { latestModelRun, prepareScoreInsert } from '../store/scores.js';
import { createRunScoring, detectionLogin, judgeLogin, replayLogins, verdictRow, type RunScoring } from './run-scoring.js';
import { requestEvent, type ScoreRequest } from './score-request.js';

/** The answer to one scored login. */
export interface RiskAnswer {
  risk: number;
  level: string;
  decision: string;
  reasons: string[];
  /** ISO 8601, when the account is locked. */
  locked_until?: string;
  event_id: number;
}

/** A scored event at or above the challenge threshold. */
export interface RiskAlert {
  event_id: number;
  time: string;
  user: string;
  ip: string | null;
  outcome: 'success' | 'failure';
  country: string | null;
  city: string | null;
  risk: number;
  level: string;
  decision: string;
  reasons: string[];
}

/** Raised when the case has no trained run to score with (HTTP 409). */
export class NoTrainedModelError extends Error {
  constructor() {
    super('no trained model in this case yet: train one (vigil train, or Train in the UI) before using the risk API');
    this.name = 'NoTrainedModelError';
  }
}

/** Real-time risk decisions over one case. */
export interface RiskApiService {
  score(request: ScoreRequest): RiskAnswer;
  alerts(limit: number): RiskAlert[];
}

/** Options of the risk API. */
export interface RiskApiOptions {
  actor?: string;
  lockMinutes?: number;
  now?: () => number;
}

/**
 * The risk API over a case. The latest trained run is loaded on first use and its causal state rebuilt
 * by replaying the case's events once (so an API login is judged as batch would judge it); each scored
 * login is stored as an event of the live source `api` with its score.
 */
export function createRiskApiService(db: CaseDatabase, options: RiskApiOptions = {}): RiskApiService {
  const actor = options.actor ?? 'risk-api';
  const now = options.now ?? Date.now;
  const enrich = createEnricher(bundledLocationSources());
  const insertEvent = prepareEventInsert(db);
  const insertScore = prepareScoreInsert(db);
  const lastInsertId = prepareLastInsertId(db);
  let state: RunScoring | null = null;
  let sourceId: number | null = null;
  let record = 0;

  function load(): RunScoring {
    const run = latestModelRun(db);
    if (!run) throw new NoTrainedModelError();
    if (state && state.run.id === run.id) return state;
    // A newer run means new models: replay the case through them once.
    const fresh = createRunScoring(db, run, { actor, lockMinutes: options.lockMinutes });
    replayLogins(fresh, iterateDetectionLogins(db));
    state = fresh;
    return state;
  }

  const store = db.transaction((request: ScoreRequest, current: RunScoring): RiskAnswer => {
    const event = requestEvent(request, now());
    const enrichment = enrich(event);
    sourceId ??= createLiveSource(db, { name: 'api', format: 'jsonl', timeZone: 'UTC', year: null, assumptions: ['logins posted to the risk API'] });
    record += 1;
    insertEvent(event, enrichment, { sourceId, line: record, record });
    const id = lastInsertId();
    const login = detectionLogin({ ...event, ...enrichment, id });
    const verdict = judgeLogin(current, login);
    const { score, decision, reasons, lock } = verdict;
    insertScore(verdictRow(current.run.id, id, verdict));
    const answer: RiskAnswer = { risk: score.risk, level: score.level, decision, reasons: reasons.map((reason) => reason.reason), event_id: id };
    if (lock) answer.locked_until = new Date(lock.until).toISOString();
    return answer;
  });

  return {
    score(request) {
      return store(request, load());
    },
    alerts(limit) {
      const current = load();
      return recentAlerts(db, current.run.id, current.settings.challengeAt, limit).map(alertOf);
    },
  };
}

function alertOf(row: RecentAlertRow): RiskAlert {
  const reasons = JSON.parse(row.reasons) as { reason: string }[];
  return {
    event_id: row.event_id,
    time: new Date(row.ts).toISOString(),
    user: row.user,
    ip: row.ip,
    outcome: row.outcome === 1 ? 'success' : 'failure',
    country: row.country,
    city: row.city,
    risk: row.risk,
    level: row.level,
    decision: row.decision,
    reasons: reasons.map((reason) => reason.reason),
  };
}
