import type { CaseDatabase } from './database.js';

/**
 * `body` wrapped in a transaction of its own when none is open, or run as part of the caller's open
 * transaction. better-sqlite3 nests a transaction as a SAVEPOINT, and SQLite copies each page a savepoint
 * changes first to a statement journal (a temporary file): with the live batch's storing and scoring each
 * in a savepoint inside the batch's transaction, that was 7 page writes a message. Joined, an error in
 * `body` still undoes everything when it reaches the caller's transaction; a caller that catches it keeps
 * what `body` wrote before the error.
 */
export function joiningTransaction<Arguments extends unknown[], Result>(db: CaseDatabase, body: (...values: Arguments) => Result): (...values: Arguments) => Result {
  const own = db.transaction(body);
  return (...values) => (db.inTransaction ? body(...values) : own(...values));
}
