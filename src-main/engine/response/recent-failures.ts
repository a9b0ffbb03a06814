/**
 * Each user's failed logins within a sliding window, counted in time order: what the lockout policy
 * decides on. Kept apart from the policy so a thread that replays the case's history (see
 * `live-scorer-worker`) can count without the case, and hand over what it remembers.
 */
export class RecentFailures {
  private readonly failures: Map<string, number[]>;

  /** `remembered`: what another counter over the same window remembered (its `entries`). */
  constructor(
    readonly windowMs: number,
    remembered: readonly (readonly [string, number[]])[] = [],
  ) {
    this.failures = new Map(remembered.map(([user, times]) => [user, [...times]]));
  }

  /** Count a login; returns how many failures of the user fall in the window ending at `time`, this one included. */
  count(user: string, time: number, success: boolean): number {
    const kept = (this.failures.get(user) ?? []).filter((at) => at > time - this.windowMs && at <= time);
    if (!success) kept.push(time);
    if (kept.length > 0) this.failures.set(user, kept);
    else this.failures.delete(user);
    return kept.length;
  }

  /** Start counting a user afresh. */
  forget(user: string): void {
    this.failures.delete(user);
  }

  /** The failures remembered, by user. */
  entries(): [string, number[]][] {
    return [...this.failures];
  }
}
