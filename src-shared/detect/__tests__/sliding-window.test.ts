import { describe, expect, it } from 'vitest';
import { WindowCounts, WindowedKeys } from '../sliding-window.js';

const minute = 60_000;
const alice = 1;
const bob = 2;
const carol = 3;

describe('WindowedKeys', () => {
  it('counts failures, successes and distinct members within the window only', () => {
    const keys = new WindowedKeys(10 * minute);
    keys.add(7, 0, alice, false);
    keys.add(7, 1 * minute, bob, false);
    keys.add(7, 2 * minute, alice, true);
    expect(keys.counts(7, 5 * minute)).toEqual({ attempts: 3, failures: 2, successes: 1, distinct: 2 });
    expect(keys.counts(7, 11 * minute + 1)).toEqual({ attempts: 1, failures: 0, successes: 1, distinct: 1 });
    expect(keys.has(7, bob, 11 * minute + 1)).toBe(false);
    expect(keys.has(7, alice, 11 * minute + 1)).toBe(true);
  });

  it('fills the counts it is given, an empty window included', () => {
    const keys = new WindowedKeys(minute);
    const counts = new WindowCounts();
    keys.add(4, 0, alice, false);
    expect(keys.counts(4, 0, counts)).toBe(counts);
    expect(counts).toEqual({ attempts: 1, failures: 1, successes: 0, distinct: 1 });
    expect(keys.counts(5, 0, counts)).toBe(counts);
    expect(counts).toEqual({ attempts: 0, failures: 0, successes: 0, distinct: 0 });
  });

  it('keeps keys apart and forgets emptied ones', () => {
    const keys = new WindowedKeys(minute);
    keys.add(4, 0, alice, false);
    keys.add(8, 0, bob, false);
    expect(keys.counts(4, 30_000).failures).toBe(1);
    expect(keys.counts(5, 30_000)).toEqual({ attempts: 0, failures: 0, successes: 0, distinct: 0 });
    keys.add(9, 10 * minute, carol, true);
    expect(keys.size).toBe(1);
    expect(keys.counts(4, 10 * minute).attempts).toBe(0);
    expect(keys.distinctCount(1_000, 10 * minute)).toBe(0);
    expect(keys.has(1_000, carol, 10 * minute)).toBe(false);
  });

  it('agrees with counting the attempts afresh, for many keys, members and times, while its queue grows and wraps', () => {
    const windowMs = 100;
    const keys = new WindowedKeys(windowMs);
    const attempts: { key: number; time: number; member: number; success: boolean }[] = [];
    let seed = 12345;
    const next = (below: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    let time = 0;
    for (let step = 0; step < 5000; step++) {
      time += next(4);
      const key = next(step < 2500 ? 5 : 3000);
      const recent = attempts.filter((attempt) => attempt.key === key && attempt.time >= time - windowMs);
      const failures = recent.filter((attempt) => !attempt.success).length;
      const members = new Set(recent.map((attempt) => attempt.member));
      expect(keys.counts(key, time)).toEqual(
        recent.length === 0 ? { attempts: 0, failures: 0, successes: 0, distinct: 0 } : { attempts: recent.length, failures, successes: recent.length - failures, distinct: members.size },
      );
      expect(keys.failureCount(key, time)).toBe(failures);
      expect(keys.distinctCount(key, time)).toBe(members.size);
      const member = next(4);
      expect(keys.has(key, member, time)).toBe(members.has(member));
      const attempt = { key, time, member, success: next(3) === 0 };
      attempts.push(attempt);
      keys.add(key, time, member, attempt.success);
    }
  });
});
