/**
 * Attempts of one key (an IP, a network, a user) within a trailing time window: how many failed,
 * how many succeeded, and how many distinct members (users, or addresses) they involved.
 */
export interface WindowCounts {
  readonly attempts: number;
  readonly failures: number;
  readonly successes: number;
  /** Distinct members (a user's window counts addresses; an address's window counts users). */
  readonly distinct: number;
}

/** Counts of an empty window. */
export const emptyCounts: Readonly<WindowCounts> = Object.freeze({ attempts: 0, failures: 0, successes: 0, distinct: 0 });

/**
 * A trailing window of attempts for one key, as two flat float arrays (no object per attempt) read from
 * a moving head and shifted down in place now and then: memory is bounded by the attempts within the
 * window, and nothing is allocated per attempt (typed arrays grow by doubling, never by copying a slice).
 * Members are small integers (interned names); their counts are kept once the window has two of them.
 */
export class SlidingWindow {
  private times = new Float64Array(initialCapacity);
  /** member * 2 + (success ? 1 : 0), exact in a double for any member id below 2^52. */
  private entries = new Float64Array(initialCapacity);
  private head = 0;
  private tail = 0;
  private failures = 0;
  private memberCounts: Map<number, number> | null = null;
  private onlyMember = -1;

  constructor(private readonly windowMs: number) {}

  /** Drop attempts older than the window before `time`. */
  expire(time: number): void {
    const oldest = time - this.windowMs;
    const times = this.times;
    let head = this.head;
    while (head < this.tail && times[head] < oldest) {
      const entry = this.entries[head++];
      if (entry % 2 === 0) this.failures--;
      if (this.memberCounts) {
        const member = (entry - (entry % 2)) / 2;
        const left = (this.memberCounts.get(member) ?? 1) - 1;
        if (left === 0) this.memberCounts.delete(member);
        else this.memberCounts.set(member, left);
      }
    }
    this.head = head;
    if (head === this.tail) this.reset();
  }

  /** Counts of the window (call `expire(time)` first). */
  counts(): WindowCounts {
    const attempts = this.tail - this.head;
    return { attempts, failures: this.failures, successes: attempts - this.failures, distinct: this.distinctCount() };
  }

  /** Failed attempts in the window. */
  failureCount(): number {
    return this.failures;
  }

  /** Distinct members in the window. */
  distinctCount(): number {
    if (this.memberCounts) return this.memberCounts.size;
    return this.tail > this.head ? 1 : 0;
  }

  /** Whether `member` is in the window. */
  has(member: number): boolean {
    if (this.memberCounts) return this.memberCounts.has(member);
    return this.tail > this.head && this.onlyMember === member;
  }

  /** Add an attempt (attempts arrive in time order). */
  add(time: number, member: number, success: boolean): void {
    if (this.tail === this.head) {
      this.onlyMember = member;
    } else if (!this.memberCounts && member !== this.onlyMember) {
      // A second member: from now on count members one by one.
      this.memberCounts = new Map([[this.onlyMember, this.tail - this.head]]);
    }
    if (this.tail === this.times.length) this.makeRoom();
    this.times[this.tail] = time;
    this.entries[this.tail] = member * 2 + (success ? 1 : 0);
    this.tail++;
    if (!success) this.failures++;
    if (this.memberCounts) this.memberCounts.set(member, (this.memberCounts.get(member) ?? 0) + 1);
  }

  /** True when nothing is left in the window, so the owner may forget this key. */
  isEmpty(): boolean {
    return this.head >= this.tail;
  }

  /** Room for one more attempt: shift the live attempts down when at least half are expired, else double. */
  private makeRoom(): void {
    const live = this.tail - this.head;
    if (this.head * 2 >= this.tail) {
      this.times.copyWithin(0, this.head, this.tail);
      this.entries.copyWithin(0, this.head, this.tail);
    } else {
      const times = new Float64Array(this.times.length * 2);
      const entries = new Float64Array(this.entries.length * 2);
      times.set(this.times.subarray(this.head, this.tail));
      entries.set(this.entries.subarray(this.head, this.tail));
      this.times = times;
      this.entries = entries;
    }
    this.head = 0;
    this.tail = live;
  }

  private reset(): void {
    this.head = 0;
    this.tail = 0;
    this.failures = 0;
    this.memberCounts = null;
    this.onlyMember = -1;
  }
}

/** Attempts a new window has room for before it first grows (most keys see a handful). */
const initialCapacity = 4;

const sweepWindows = 4;

/**
 * Sliding windows for many keys, forgetting keys whose window has emptied. An emptied window is kept for
 * the next new key: most keys (an address, a user) come back after their short window has emptied, and
 * a new window per attempt lived just long enough to be copied out of the young generation.
 */
export class WindowedKeys<K = string> {
  private readonly windows = new Map<K, SlidingWindow>();
  private readonly spare: SlidingWindow[] = [];
  private lastSweep = 0;

  constructor(readonly windowMs: number) {}

  /** The window of `key` expired to `time`, or undefined when the key has no attempts in it. */
  window(key: K, time: number): SlidingWindow | undefined {
    const window = this.windows.get(key);
    if (!window) return undefined;
    window.expire(time);
    return window;
  }

  /** Counts for `key` in the window ending at `time`, before the current attempt is added. */
  counts(key: K, time: number): WindowCounts {
    return this.window(key, time)?.counts() ?? emptyCounts;
  }

  /** Record an attempt for `key`. */
  add(key: K, time: number, member: number, success: boolean): void {
    let window = this.windows.get(key);
    if (!window) {
      window = this.spare.pop() ?? new SlidingWindow(this.windowMs);
      this.windows.set(key, window);
    }
    window.add(time, member, success);
    // Sweeping every few windows keeps memory bounded without walking every key each window.
    if (time - this.lastSweep > sweepWindows * this.windowMs) this.sweep(time);
  }

  /** Number of keys currently held. */
  get size(): number {
    return this.windows.size;
  }

  private sweep(time: number): void {
    this.lastSweep = time;
    for (const [key, window] of this.windows) {
      window.expire(time);
      if (window.isEmpty()) {
        this.windows.delete(key);
        this.spare.push(window);
      }
    }
  }
}
