import type { FormatName } from '../../../src-shared/event.js';
import { prepareBulkInsert } from './bulk-insert.js';
import type { CaseDatabase } from './database.js';
import type { ScoreRow } from './scores.js';

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

/** Score rows of a live batch, several per statement; `flush` stores the rest and must run before the commit. */
export interface LiveScoreWriter {
  add(row: ScoreRow): void;
  flush(): void;
}

/** Rows per statement of live score writes (a batch under load is a few hundred to a few thousand rows). */
const scoreRowsPerStatement = 32;

/** A bulk `INSERT OR REPLACE` of score rows for the live path (one native call per 32 rows instead of per row). */
export function prepareLiveScoreWriter(db: CaseDatabase): LiveScoreWriter {
  const bulk = prepareBulkInsert(db, 'INSERT OR REPLACE INTO scores', 10, scoreRowsPerStatement);
  return {
    add(row) {
      bulk.value(row.run_id);
      bulk.value(row.event_id);
      bulk.value(row.risk);
      bulk.value(row.level);
      bulk.value(row.decision);
      bulk.value(row.rules);
      bulk.value(row.freeman);
      bulk.value(row.forest);
      bulk.value(row.autoencoder);
      bulk.value(row.reasons);
    },
    flush: bulk.flush,
  };
}
