import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../store/audit.js';
import { openCase, type CaseDatabase } from '../../store/database.js';
import { listLockouts } from '../../store/lockouts.js';
import { createLockoutPolicy, liftLockout, lockReason, type LockoutPolicy } from '../lockout.js';

const minute = 60_000;
let directory: string;
let db: CaseDatabase;
let policy: LockoutPolicy;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'vigil-lockout-'));
  db = openCase(join(directory, 'case.vigil'));
  policy = createLockoutPolicy(db, { failures: 3, windowMinutes: 10, lockMinutes: 15 }, 'test');
});

afterEach(() => {
  db.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('account lockout', () => {
  it('locks after a burst of failures in the window and refuses even a success until it expires', () => {
    expect(policy.apply('alice', 0, false)).toBeNull();
    expect(policy.apply('alice', minute, false)).toBeNull();
    const lock = policy.apply('alice', 2 * minute, false);
    expect(lock).toEqual({ until: 17 * minute, reason: lockReason(17 * minute), started: true });
    expect(lock?.reason).toBe('account locked until 1970-01-01T00:17:00.000Z');
    // Later logins meet the same lock, which they did not start.
    expect(policy.apply('alice', 3 * minute, true)).toEqual({ ...lock, started: false });
    expect(policy.apply('bob', 3 * minute, true)).toBeNull();
    expect(policy.apply('alice', 17 * minute, true)).toBeNull();
    expect(listAudit(db).map((entry) => entry.action)).toEqual(['lockAccount']);
  });

  it('does not lock for failures spread wider than the window, nor for replayed history', () => {
    for (let index = 0; index < 5; index += 1) expect(policy.apply('alice', index * 6 * minute, false)).toBeNull();
    for (let index = 0; index < 5; index += 1) policy.remember('carol', 100 * minute + index, false);
    expect(listLockouts(db, 'carol')).toEqual([]);
    // Remembered failures still count toward a burst that continues live.
    expect(policy.apply('carol', 101 * minute, false)).not.toBeNull();
  });

  it('lifts a lock for the analyst, audited', () => {
    for (let index = 0; index < 3; index += 1) policy.apply('alice', index * minute, false);
    expect(liftLockout(db, 'alice', 'analyst', 5 * minute)).toBe(1);
    expect(policy.apply('alice', 6 * minute, true)).toBeNull();
    expect(listLockouts(db, 'alice')[0]).toMatchObject({ lifted_at: 5 * minute, lifted_by: 'analyst' });
    expect(listAudit(db).map((entry) => entry.action)).toEqual(['liftLockout', 'lockAccount']);
  });
});
