import { describe, expect, it } from 'vitest';
import { SlidingWindow, WindowedKeys } from '../sliding-window.js';

const minute = 60_000;
const alice = 1;
const bob = 2;
const carol = 3;

describe('SlidingWindow', () => {
  it('counts failures, successes and distinct members within the window only', () => {
    const window = new SlidingWindow(10 * minute);
    window.add(0, alice, false);
    window.add(1 * minute, bob, false);
    window.add(2 * minute, alice, true);
    window.expire(5 * minute);
    expect(window.counts()).toEqual({ attempts: 3, failures: 2, successes: 1, distinct: 2 });
    window.expire(11 * minute + 1);
    expect(window.counts()).toEqual({ attempts: 1, failures: 0, successes: 1, distinct: 1 });
    expect(window.has(bob)).toBe(false);
  });

  it('keeps counting right while its ring grows and wraps', () => {
    const window = new SlidingWindow(100);
    for (let time = 0; time < 1000; time++) {
      window.expire(time);
      window.add(time, time % 7, time % 3 === 0);
      const counts = window.counts();
      const first = Math.max(0, time - 100);
      let failures = 0;
      for (let earlier = first; earlier <= time; earlier++) if (earlier % 3 !== 0) failures++;
      expect(counts.attempts).toBe(time - first + 1);
      expect(counts.failures).toBe(failures);
      expect(counts.distinct).toBe(Math.min(7, time + 1));
    }
  });
});

describe('WindowedKeys', () => {
  it('keeps keys apart and forgets emptied ones', () => {
    const keys = new WindowedKeys(minute);
    keys.add('1.2.3.4', 0, alice, false);
    keys.add('5.6.7.8', 0, bob, false);
    expect(keys.counts('1.2.3.4', 30_000).failures).toBe(1);
    keys.add('9.9.9.9', 10 * minute, carol, true);
    expect(keys.size).toBe(1);
    expect(keys.counts('1.2.3.4', 10 * minute).attempts).toBe(0);
  });
});

describe('WindowedKeys reusing emptied windows', () => {
  it('gives a new key a clean window after an emptied one was forgotten', () => {
    const keys = new WindowedKeys<number>(minute);
    keys.add(1, 0, alice, false);
    keys.add(1, 1_000, bob, true);
    // Past four windows: the sweep forgets key 1 and keeps its window for the next new key.
    keys.add(2, 5 * minute, carol, false);
    keys.add(3, 5 * minute, alice, true);
    expect(keys.size).toBe(2);
    expect(keys.counts(3, 5 * minute)).toEqual({ attempts: 1, failures: 0, successes: 1, distinct: 1 });
    expect(keys.window(3, 5 * minute)?.has(bob)).toBe(false);
    expect(keys.counts(1, 5 * minute).attempts).toBe(0);
  });
});
