import type { CaseDatabase } from './database.js';

/** A line that could not be imported. */
export interface RejectRow {
  id: number;
  source_id: number;
  line: number;
  reason: string;
  raw: string;
}

/** The longest part of a rejected line kept as evidence. */
export const rejectRawLimit = 1024;

/** A prepared insert for rejects of one import. */
export function prepareRejectInsert(db: CaseDatabase): (sourceId: number, line: number, reason: string, raw: string) => void {
  const statement = db.prepare(`INSERT INTO rejects (source_id, line, reason, raw) VALUES (?, ?, ?, ?)`);
  return (sourceId, line, reason, raw) => {
    statement.run(sourceId, line, reason, raw.length > rejectRawLimit ? raw.slice(0, rejectRawLimit) : raw);
  };
}

/** A page of a source's rejects in line order. */
export function listRejects(db: CaseDatabase, sourceId: number, afterLine = 0, limit = 100): RejectRow[] {
  return db
    .prepare(`SELECT * FROM rejects WHERE source_id = ? AND line > ? ORDER BY line LIMIT ?`)
    .all(sourceId, afterLine, limit) as RejectRow[];
}

/** Rejects of a source counted by reason. */
export function countRejectsByReason(db: CaseDatabase, sourceId: number): Record<string, number> {
  const rows = db.prepare(`SELECT reason, COUNT(*) AS count FROM rejects WHERE source_id = ? GROUP BY reason`).all(sourceId) as {
    reason: string;
    count: number;
  }[];
  return Object.fromEntries(rows.map((row) => [row.reason, row.count]));
}
