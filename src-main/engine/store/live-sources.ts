import type { FormatName } from '../../../src-shared/event.js';
import type { CaseDatabase } from './database.js';

/** Register a live listener (syslog socket or file tail) that is starting: status 'listening'. */
export function createLiveSource(db: CaseDatabase, source: { name: string; format: FormatName; timeZone: string; year: number | null; assumptions: string[] }): number {
  const result = db
    .prepare(
      `INSERT INTO sources (kind, name, sha256, size, format, time_zone, year, assumptions, status, started_at)
       VALUES ('live', ?, NULL, NULL, ?, ?, ?, ?, 'listening', ?)`,
    )
    .run(source.name, source.format, source.timeZone, source.year, JSON.stringify(source.assumptions), Date.now());
  return Number(result.lastInsertRowid);
}

/** The id of the row the connection inserted last (the event just stored), prepared once. */
export function prepareLastInsertId(db: CaseDatabase): () => number {
  const statement = db.prepare(`SELECT last_insert_rowid()`).pluck();
  return () => Number(statement.get());
}
