import type { RiskLevel } from '../../../../src-shared/api.js';
import type { CaseDatabase } from '../database.js';
import { runParameters } from './model-runs.js';

/**
 * The condition "a run's score has risk at least ?" on the `scores` table. The scores_run_risk index holds
 * only the scores above 'low' (migration 0009): when the threshold is at or above where the run's medium
 * level starts, every matching score is above 'low', and saying so lets SQLite use the index. Below that
 * (or for a run that recorded no level starts) the run's scores are read in full.
 */
export function riskAtLeast(db: CaseDatabase, runId: number, threshold: number): string {
  return riskAtLeastWith(threshold, runParameters(db, runId).levelStarts);
}

/** The same condition for a caller that has the run's level starts already. */
export function riskAtLeastWith(threshold: number, levelStarts: Record<RiskLevel, number> | null): string {
  return levelStarts && threshold >= levelStarts.medium ? `scores.risk >= ? AND scores.level <> 'low'` : 'scores.risk >= ?';
}
