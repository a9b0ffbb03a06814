import { recordAudit } from '../store/audit.js';
import type { CaseDatabase } from '../store/database.js';
import { activeLockout, insertLockout, markLockoutsLifted } from '../store/lockouts.js';

/** When a burst of failures locks an account, and for how long. */
export interface LockoutSettings {
  /** Failures of one user within the window that lock the account (detection's brute-force threshold). */
  failures: number;
  windowMinutes: number;
  /** How long a lock lasts unless an analyst lifts it. */
  lockMinutes: number;
}

/** Default lock length. */
export const defaultLockMinutes = 15;

/** The lock that holds for a login, if any. */
export interface ActiveLock {
  until: number;
  reason: string;
  /** True when this login started the lock (it completed a burst). */
  started: boolean;
}

/** Counts each user's recent failures and locks accounts after a burst; locks live in the case. */
export interface LockoutPolicy {
  /** Count a login without locking (replaying the case's history at start-up). */
  remember(user: string, time: number, success: boolean): void;
  /** Count a live login, lock the account when it completes a burst, and say which lock holds. */
  apply(user: string, time: number, success: boolean): ActiveLock | null;
}

/** The reason a locked account's logins are refused. */
export function lockReason(until: number): string {
  return `account locked until ${new Date(until).toISOString()}`;
}

/** A lockout policy over a case; `actor` is recorded in the audit trail for each lock. */
export function createLockoutPolicy(db: CaseDatabase, settings: LockoutSettings, actor: string): LockoutPolicy {
  const windowMs = settings.windowMinutes * 60_000;
  const recentFailures = new Map<string, number[]>();

  // Returns how many failures of the user fall in the window ending at `time`.
  function count(user: string, time: number, success: boolean): number {
    const kept = (recentFailures.get(user) ?? []).filter((at) => at > time - windowMs && at <= time);
    if (!success) kept.push(time);
    if (kept.length > 0) recentFailures.set(user, kept);
    else recentFailures.delete(user);
    return kept.length;
  }

  return {
    remember(user, time, success) {
      count(user, time, success);
    },
    apply(user, time, success) {
      const failures = count(user, time, success);
      const holding = activeLockout(db, user, time);
      if (holding) return { until: holding.until, reason: lockReason(holding.until), started: false };
      if (success || failures < settings.failures) return null;
      const until = time + settings.lockMinutes * 60_000;
      const reason = `${failures} failed logins in ${settings.windowMinutes} min`;
      insertLockout(db, { user, lockedAt: time, until, reason });
      recordAudit(db, actor, 'lockAccount', { user, until, reason });
      // The burst is answered by the lock: start counting afresh once it ends.
      recentFailures.delete(user);
      return { until, reason: lockReason(until), started: true };
    },
  };
}

/** Lift every lock of a user (an analyst's decision, audited); returns how many were lifted. */
export function liftLockout(db: CaseDatabase, user: string, actor: string, now = Date.now()): number {
  const lifted = markLockoutsLifted(db, user, now, actor);
  recordAudit(db, actor, 'liftLockout', { user, lifted });
  return lifted;
}
