import { PairCounts } from './pair-counts.js';

/**
 * Attempts of one key (an IP, a network, a user) within a trailing time window: how many failed,
 * how many succeeded, and how many distinct members (users, or addresses) they involved. Filled in
 * place by `WindowedKeys.counts`, so a caller asking for every login keeps one and allocates nothing.
 */
export class WindowCounts {
  attempts = 0;
  failures = 0;
  successes = 0;
  /** Distinct members (a user's window counts addresses; an address's window counts users). */
  distinct = 0;

  /** Set to an empty window; this. */
  clear(): this {
    this.attempts = this.failures = this.successes = this.distinct = 0;
    return this;
  }
}

/** Attempts the queue has room for before it first grows. */
const initialAttempts = 1024;
/** Keys the counters have room for before they first grow. */
const initialKeys = 256;


/**
 * Trailing windows of attempts for many keys at once. Keys and members are small integers (interned
 * ids). Attempts arrive in time order, so one queue holds every key's attempts in time order and is
 * expired from its head; per key only counters are kept, in typed arrays by key: attempts, failures and
 * distinct members, with each member's attempts in one table of (key, member) pairs. Nothing is allocated
 * per attempt or per key, and no sweep is needed to forget keys: a key whose attempts have expired costs
 * a few counters at zero.
 */
export class WindowedKeys {
  private times = new Float64Array(initialAttempts);
  private keys = new Int32Array(initialAttempts);
  private members = new Int32Array(initialAttempts);
  private successes = new Uint8Array(initialAttempts);
  private head = 0;
  private tail = 0;
  private attempts = new Int32Array(initialKeys);
  private failures = new Int32Array(initialKeys);
  private distinct = new Int32Array(initialKeys);
  /** Attempts in the window per (key, member). */
  private readonly memberAttempts = new PairCounts();
  private activeKeys = 0;

  constructor(readonly windowMs: number) {}

  /** Counts for `key` in the window ending at `time`, before the current attempt is added, into `into`; `into`. */
  counts(key: number, time: number, into = new WindowCounts()): WindowCounts {
    this.expire(time);
    const attempts = key < this.attempts.length ? this.attempts[key] : 0;
    if (attempts === 0) return into.clear();
    const failures = this.failures[key];
    into.attempts = attempts;
    into.failures = failures;
    into.successes = attempts - failures;
    into.distinct = this.distinct[key];
    return into;
  }

  /** Failed attempts of `key` in the window ending at `time`. */
  failureCount(key: number, time: number): number {
    this.expire(time);
    return key < this.failures.length ? this.failures[key] : 0;
  }

  /** Distinct members of `key` in the window ending at `time`. */
  distinctCount(key: number, time: number): number {
    this.expire(time);
    return key < this.distinct.length ? this.distinct[key] : 0;
  }

  /** Whether `member` made an attempt of `key` in the window ending at `time`. */
  has(key: number, member: number, time: number): boolean {
    this.expire(time);
    if (key >= this.attempts.length || this.attempts[key] === 0) return false;
    return this.memberAttempts.get(key, member) > 0;
  }

  /** Record an attempt of `key` (a small non-negative integer) by `member` (an integer) at `time`. */
  add(key: number, time: number, member: number, success: boolean): void {
    this.expire(time);
    if (key >= this.attempts.length) this.growKeys(key);
    if (this.tail === this.times.length) this.makeRoom();
    const at = this.tail++;
    this.times[at] = time;
    this.keys[at] = key;
    this.members[at] = member;
    this.successes[at] = success ? 1 : 0;
    if (this.attempts[key]++ === 0) this.activeKeys++;
    if (!success) this.failures[key]++;
    if (this.memberAttempts.increment(key, member) === 1) this.distinct[key]++;
  }

  /** Number of keys with attempts in the window (as of the latest time seen). */
  get size(): number {
    return this.activeKeys;
  }

  /** Drop attempts older than the window before `time`. */
  private expire(time: number): void {
    const oldest = time - this.windowMs;
    const times = this.times;
    let head = this.head;
    while (head < this.tail && times[head] < oldest) {
      const key = this.keys[head];
      if (--this.attempts[key] === 0) this.activeKeys--;
      if (this.successes[head] === 0) this.failures[key]--;
      if (this.memberAttempts.decrement(key, this.members[head]) === 0) this.distinct[key]--;
      head++;
    }
    this.head = head;
    if (head === this.tail) this.head = this.tail = 0;
  }

  /** Counters for keys up to `key`, at least doubled. */
  private growKeys(key: number): void {
    const length = Math.max(key + 1, this.attempts.length * 2);
    const grow = (array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const larger = new Int32Array(length);
      larger.set(array);
      return larger;
    };
    this.attempts = grow(this.attempts);
    this.failures = grow(this.failures);
    this.distinct = grow(this.distinct);
  }

  /** Room for one more attempt: shift the live attempts down when at least half are expired, else double. */
  private makeRoom(): void {
    const live = this.tail - this.head;
    if (this.head * 2 >= this.tail) {
      this.times.copyWithin(0, this.head, this.tail);
      this.keys.copyWithin(0, this.head, this.tail);
      this.members.copyWithin(0, this.head, this.tail);
      this.successes.copyWithin(0, this.head, this.tail);
    } else {
      const capacity = this.times.length * 2;
      const times = new Float64Array(capacity);
      const keys = new Int32Array(capacity);
      const members = new Int32Array(capacity);
      const successes = new Uint8Array(capacity);
      times.set(this.times.subarray(this.head, this.tail));
      keys.set(this.keys.subarray(this.head, this.tail));
      members.set(this.members.subarray(this.head, this.tail));
      successes.set(this.successes.subarray(this.head, this.tail));
      [this.times, this.keys, this.members, this.successes] = [times, keys, members, successes];
    }
    this.head = 0;
    this.tail = live;
  }
}
