import type Database from 'better-sqlite3';
import type { CaseDatabase } from './database.js';

/** Statements prepared once per connection, by their SQL: for functions called per live event (preparing costs more than running). */
const cache = new WeakMap<CaseDatabase, Map<string, Database.Statement>>();

/** The connection's prepared statement for `sql`, prepared on first use. */
export function prepared(db: CaseDatabase, sql: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
