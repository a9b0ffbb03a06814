import type { CaseDatabase } from '../database.js';
import { runParameters } from './model-runs.js';

/**
 * The condition "a run's score has risk at least ?" on the `scores` table. The scores_run_risk index holds
 * only the scores above 'low' (migration 0009): when the threshold is at or above where the run's medium
 * level starts, every matching score is above 'low', and saying so lets SQLite use the index. Below that
 * (or for a run that recorded no level starts) the run's scores are read in full.
 */
export function riskAtLeast(db: CaseDatabase, runId: number, threshold: number): string {
  return threshold >= mediumStart(db, runId) ? `scores.risk >= ? AND ${aboveLow}` : 'scores.risk >= ?';
}

/** The term scores_run_risk's own WHERE clause holds, as a query must state it. */
export const aboveLow = `scores.level <> 'low'`;

function mediumStart(db: CaseDatabase, runId: number): number {
  return runParameters(db, runId).levelStarts?.medium ?? Number.POSITIVE_INFINITY;
}
