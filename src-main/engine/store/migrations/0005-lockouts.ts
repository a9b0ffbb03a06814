import type { Migration } from './migration.js';

/**
 * Account lockouts the risk API imposed after a brute-force burst: a lock holds until `until` or until an
 * analyst lifts it (`lifted_at`, `lifted_by`), so a correct password during the lock is still refused.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'lockouts',
  sql: `
    CREATE TABLE lockouts (
      id INTEGER PRIMARY KEY,
      user TEXT NOT NULL,
      locked_at INTEGER NOT NULL,         -- UTC ms (the time of the failure that triggered it)
      until INTEGER NOT NULL,             -- UTC ms
      reason TEXT NOT NULL,
      lifted_at INTEGER,
      lifted_by TEXT
    );
    CREATE INDEX lockouts_user_until ON lockouts(user, until);
  `,
};
