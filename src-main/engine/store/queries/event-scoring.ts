import { riskLevels, type RiskLevel } from '../../../../src-shared/api.js';
import type { CaseDatabase } from '../database.js';
import { latestCompleteRunId, runParameters } from './model-runs.js';
import { riskAtLeastWith } from './risk-at-least.js';
import type { SqlCondition } from './sql-condition.js';

/** The run whose scores the event lists show, and where its levels start. */
export interface EventScoring {
  runId: number;
  levelStarts: Record<RiskLevel, number> | null;
}

/** The newest complete run as the event lists use it; null before the first. */
export function currentScoring(db: CaseDatabase): EventScoring | null {
  const runId = latestCompleteRunId(db);
  return runId === null ? null : { runId, levelStarts: runParameters(db, runId).levelStarts };
}

/**
 * The columns and join that add an event's risk to a row. Each row's score is one lookup on the scores
 * primary key (run_id, event_id), so paging on the events_ts index stays as fast as without scores.
 * `forceEventsFirst` (for a risk filter) keeps events as the outer loop: SQLite would otherwise be free to
 * start from the scores and sort every match before returning a page.
 */
export function scoreJoin(scoring: EventScoring | null, options: { forceEventsFirst: boolean }): { columns: string; join: string; parameters: number[] } {
  if (!scoring) return { columns: 'NULL AS risk_score, NULL AS risk_level', join: '', parameters: [] };
  return {
    columns: 'scores.risk AS risk_score, scores.level AS risk_level',
    join: `${options.forceEventsFirst ? 'CROSS JOIN' : 'LEFT JOIN'} scores ON scores.run_id = ? AND scores.event_id = events.id`,
    parameters: [scoring.runId],
  };
}

/**
 * "Risk level at least `minimum`" on the joined scores: a risk range where the run recorded where its
 * levels start (answerable from the scores_run_risk index, which holds the levels above 'low'), else the
 * stored levels themselves.
 */
export function riskCondition(scoring: EventScoring | null, minimum: RiskLevel): SqlCondition {
  // Nothing is scored yet, so no event has any level.
  if (!scoring) return { sql: '0', parameters: [] };
  if (scoring.levelStarts) return { sql: riskAtLeastWith(scoring.levelStarts[minimum], scoring.levelStarts), parameters: [scoring.levelStarts[minimum]] };
  const levels = riskLevels.slice(riskLevels.indexOf(minimum));
  return { sql: `scores.level IN (${levels.map(() => '?').join(', ')})`, parameters: [...levels] };
}
