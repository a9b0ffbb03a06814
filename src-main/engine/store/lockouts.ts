import type { CaseDatabase } from './database.js';
import { prepared } from './prepared.js';

/** A lockout as stored. */
export interface LockoutRow {
  id: number;
  user: string;
  locked_at: number;
  until: number;
  reason: string;
  lifted_at: number | null;
  lifted_by: string | null;
}

/** Store a new lockout; returns its id. */
export function insertLockout(db: CaseDatabase, lockout: { user: string; lockedAt: number; until: number; reason: string }): number {
  const result = prepared(db, `INSERT INTO lockouts (user, locked_at, until, reason) VALUES (?, ?, ?, ?)`).run(lockout.user, lockout.lockedAt, lockout.until, lockout.reason);
  return Number(result.lastInsertRowid);
}

/** The lock that holds for a user at `time` (not lifted, not expired), the longest first. */
export function activeLockout(db: CaseDatabase, user: string, time: number): LockoutRow | undefined {
  return prepared(db, `SELECT * FROM lockouts WHERE user = ? AND lifted_at IS NULL AND until > ? AND locked_at <= ? ORDER BY until DESC LIMIT 1`)
    .get(user, time, time) as LockoutRow | undefined;
}

/** Mark every lock of a user that is not lifted yet as lifted; returns how many were. */
export function markLockoutsLifted(db: CaseDatabase, user: string, liftedAt: number, liftedBy: string): number {
  return prepared(db, `UPDATE lockouts SET lifted_at = ?, lifted_by = ? WHERE user = ? AND lifted_at IS NULL`).run(liftedAt, liftedBy, user).changes;
}

/** Every lockout of a user, newest first. */
export function listLockouts(db: CaseDatabase, user: string): LockoutRow[] {
  return prepared(db, `SELECT * FROM lockouts WHERE user = ? ORDER BY id DESC`).all(user) as LockoutRow[];
}
