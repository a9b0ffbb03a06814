/**
 * Attempts of one key (an IP, a network, a user) within a trailing time window: how many failed,
 * how many succeeded, and how many distinct users they targeted. Memory is bounded by the window.
 */
export interface WindowCounts {
  attempts: number;
  failures: number;
  successes: number;
  distinctUsers: number;
}

interface Entry {
  time: number;
  user: string;
  success: boolean;
}

/** A trailing window of attempts for one key. */
export class SlidingWindow {
  private readonly entries: Entry[] = [];
  private head = 0;
  private failures = 0;
  private readonly users = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** Drop attempts older than the window before `time`. */
  expire(time: number): void {
    const oldest = time - this.windowMs;
    while (this.head < this.entries.length && this.entries[this.head].time < oldest) {
      const entry = this.entries[this.head++];
      if (!entry.success) this.failures--;
      const left = (this.users.get(entry.user) ?? 1) - 1;
      if (left === 0) this.users.delete(entry.user);
      else this.users.set(entry.user, left);
    }
    // Compact now and then so the array does not grow with the stream.
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Counts of the window ending at `time` (call `expire(time)` first). */
  counts(): WindowCounts {
    const attempts = this.entries.length - this.head;
    return { attempts, failures: this.failures, successes: attempts - this.failures, distinctUsers: this.users.size };
  }

  /** Whether `user` is among the window's targets. */
  hasUser(user: string): boolean {
    return this.users.has(user);
  }

  /** Add an attempt (events arrive in time order). */
  add(time: number, user: string, success: boolean): void {
    this.entries.push({ time, user, success });
    if (!success) this.failures++;
    this.users.set(user, (this.users.get(user) ?? 0) + 1);
  }

  /** True when nothing is left in the window, so the owner may forget this key. */
  isEmpty(): boolean {
    return this.head >= this.entries.length;
  }
}

/** Sliding windows for many keys, forgetting keys whose window has emptied. */
export class WindowedKeys {
  private readonly windows = new Map<string, SlidingWindow>();
  private lastSweep = 0;

  constructor(private readonly windowMs: number) {}

  /** Counts for `key` in the window ending at `time`, before the current event is added. */
  counts(key: string, time: number): WindowCounts {
    const window = this.windows.get(key);
    if (!window) return { attempts: 0, failures: 0, successes: 0, distinctUsers: 0 };
    window.expire(time);
    return window.counts();
  }

  /** Whether `user` was targeted from `key` within the window. */
  hasUser(key: string, user: string): boolean {
    return this.windows.get(key)?.hasUser(user) ?? false;
  }

  /** Record an attempt for `key`. */
  add(key: string, time: number, user: string, success: boolean): void {
    let window = this.windows.get(key);
    if (!window) {
      window = new SlidingWindow(this.windowMs);
      this.windows.set(key, window);
    }
    window.add(time, user, success);
    if (time - this.lastSweep > this.windowMs) this.sweep(time);
  }

  /** Number of keys currently held. */
  get size(): number {
    return this.windows.size;
  }

  private sweep(time: number): void {
    this.lastSweep = time;
    for (const [key, window] of this.windows) {
      window.expire(time);
      if (window.isEmpty()) this.windows.delete(key);
    }
  }
}
