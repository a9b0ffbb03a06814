import { statSync } from 'node:fs';
import type { CaseDatabase } from '../database.js';

/** Rows of the case (a COUNT over millions of events takes a while: large cases count in a worker). */
export interface CaseCounts {
  events: number;
  sources: number;
  rejects: number;
}

/** Events, sources and rejects in the case. */
export function caseCounts(db: CaseDatabase): CaseCounts {
  return db
    .prepare(`SELECT (SELECT COUNT(*) FROM events) AS events, (SELECT COUNT(*) FROM sources) AS sources, (SELECT COUNT(*) FROM rejects) AS rejects`)
    .get() as CaseCounts;
}

/** Write a compacted, consistent copy of the case (VACUUM INTO refuses to overwrite an existing file). */
export function exportCaseCopy(db: CaseDatabase, path: string): number {
  db.prepare(`VACUUM INTO ?`).run(path);
  return statSync(path).size;
}

/**
 * Refresh the planner's statistics after data changed, bounded so it stays quick on large cases;
 * with them SQLite picks the user/ip index or the time index for a filtered page correctly.
 */
export function refreshStatistics(db: CaseDatabase): void {
  db.pragma('analysis_limit = 1000');
  db.exec('ANALYZE');
}
