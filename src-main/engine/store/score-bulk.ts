import { prepareBulkInsert } from './bulk-insert.js';
import { buildIndexes } from './index-build.js';
import { riskIndexSql } from './migrations/0009-partial-risk-index.js';
import type { CaseDatabase } from './database.js';

/** Adds one event's score to a bulk write (see `bulkWriteScores`); `reasons` is the stored JSON. */
export type ScoreAdder = (
  eventId: number,
  risk: number,
  level: string,
  decision: string,
  rules: number,
  freeman: number,
  forest: number,
  autoencoder: number,
  reasons: string,
) => void;

/** Rows per INSERT: one native call binds 640 values instead of ten calls for ten rows. */
const rowsPerStatement = 64;

/**
 * Write a whole run's scores in one transaction. The risk index is dropped first and rebuilt once at the
 * end: inserting a million rows into it one by one lands each at a random place in the B-tree (about half
 * the write time), while building it sorts once. Rows go in several per statement. `fill` calls `add` once
 * per event; on an error nothing is written.
 */
export function bulkWriteScores(db: CaseDatabase, runId: number, fill: (add: ScoreAdder) => void): void {
  const bulk = prepareBulkInsert(db, 'INSERT OR REPLACE INTO scores', 10, rowsPerStatement);
  const add: ScoreAdder = (eventId, risk, level, decision, rules, freeman, forest, autoencoder, reasons) => {
    bulk.value(runId);
    bulk.value(eventId);
    bulk.value(risk);
    bulk.value(level);
    bulk.value(decision);
    bulk.value(rules);
    bulk.value(freeman);
    bulk.value(forest);
    bulk.value(autoencoder);
    bulk.value(reasons);
  };
  db.transaction(() => {
    db.exec('DROP INDEX IF EXISTS scores_run_risk');
    fill(add);
    bulk.flush();
    buildIndexes(db, riskIndexSql);
  })();
}
