import type { Lockout } from '../../../../src-shared/api/lockouts.js';
import type { CaseDatabase } from '../database.js';
import type { LockoutRow } from '../lockouts.js';

/** Locks listed at most. */
export const lockoutListLimit = 200;

/** Account locks as the UI lists them: those in force at `now` first (ending soonest first), then the newest others. */
export function lockoutList(db: CaseDatabase, now: number): Lockout[] {
  const rows = db
    .prepare(
      `SELECT *, (lifted_at IS NULL AND until > ?) AS active FROM lockouts
       ORDER BY active DESC, CASE WHEN active THEN until END ASC, id DESC LIMIT ?`,
    )
    .all(now, lockoutListLimit) as (LockoutRow & { active: number })[];
  return rows.map((row) => ({
    id: row.id,
    user: row.user,
    lockedAt: row.locked_at,
    until: row.until,
    reason: row.reason,
    liftedAt: row.lifted_at,
    liftedBy: row.lifted_by,
    active: row.active === 1,
  }));
}
