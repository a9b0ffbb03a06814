import type Database from 'better-sqlite3';
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
const columns = 10;

/**
 * Write a whole run's scores in one transaction. The risk index is dropped first and rebuilt once at the
 * end: inserting a million rows into it one by one lands each at a random place in the B-tree (about half
 * the write time), while building it sorts once. Rows go in several per statement. `fill` calls `add` once
 * per event; on an error nothing is written.
 */
export function bulkWriteScores(db: CaseDatabase, runId: number, fill: (add: ScoreAdder) => void): void {
  const values = `(${new Array<string>(columns).fill('?').join(', ')})`;
  const many = db.prepare(`INSERT OR REPLACE INTO scores VALUES ${new Array<string>(rowsPerStatement).fill(values).join(', ')}`);
  const one = db.prepare(`INSERT OR REPLACE INTO scores VALUES ${values}`);
  const parameters: unknown[] = new Array<unknown>(rowsPerStatement * columns);
  let filled = 0;
  const add: ScoreAdder = (eventId, risk, level, decision, rules, freeman, forest, autoencoder, reasons) => {
    parameters[filled++] = runId;
    parameters[filled++] = eventId;
    parameters[filled++] = risk;
    parameters[filled++] = level;
    parameters[filled++] = decision;
    parameters[filled++] = rules;
    parameters[filled++] = freeman;
    parameters[filled++] = forest;
    parameters[filled++] = autoencoder;
    parameters[filled++] = reasons;
    if (filled === parameters.length) {
      many.run(parameters);
      filled = 0;
    }
  };
  db.transaction(() => {
    db.exec('DROP INDEX IF EXISTS scores_run_risk');
    fill(add);
    flushRemainder(one, parameters, filled);
    db.exec('CREATE INDEX scores_run_risk ON scores(run_id, risk DESC)');
  })();
}

/** Insert the rows left in a partly filled parameter block one by one. */
function flushRemainder(one: Database.Statement, parameters: unknown[], filled: number): void {
  for (let start = 0; start < filled; start += columns) one.run(parameters.slice(start, start + columns));
}
