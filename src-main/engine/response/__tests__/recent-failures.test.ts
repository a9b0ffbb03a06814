import { describe, expect, it } from 'vitest';
import { RecentFailures } from '../recent-failures.js';

const minute = 60_000;

describe('recent failures', () => {
  it('counts a user\'s failures in the window ending at each login, a success counting none', () => {
    const failures = new RecentFailures(10 * minute);
    expect(failures.count('alice', 0, false)).toBe(1);
    expect(failures.count('alice', 4 * minute, false)).toBe(2);
    expect(failures.count('alice', 9 * minute, true)).toBe(2);
    // The first failure has left the window.
    expect(failures.count('alice', 12 * minute, false)).toBe(2);
    expect(failures.count('bob', 12 * minute, false)).toBe(1);
    failures.forget('bob');
    expect(failures.entries()).toEqual([['alice', [4 * minute, 12 * minute]]]);
  });

  it('carries on from what another counter remembered, as if it had counted the same logins', () => {
    const logins: [string, number, boolean][] = [['alice', 0, false], ['bob', minute, false], ['alice', 3 * minute, false], ['alice', 5 * minute, true]];
    const whole = new RecentFailures(10 * minute);
    const first = new RecentFailures(10 * minute);
    for (const [user, time, success] of logins) {
      whole.count(user, time, success);
      first.count(user, time, success);
    }
    const second = new RecentFailures(10 * minute, first.entries());
    expect(second.count('alice', 11 * minute, false)).toBe(whole.count('alice', 11 * minute, false));
    expect(second.entries()).toEqual(whole.entries());
    // The hand-over is a copy: the first counter's memory is its own.
    expect(first.entries()).toEqual([['alice', [0, 3 * minute]], ['bob', [minute]]]);
  });
});
