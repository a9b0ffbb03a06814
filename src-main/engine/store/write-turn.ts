/** Longest a thread waits for its turn before it writes anyway (SQLite's busy timeout then decides). */
const waitLimitMs = 5000;

/**
 * Turns at writing to one case, for threads of one process that each write on a connection of their own
 * (the live worker and its scorer). SQLite makes a writer that finds the case locked poll, sleeping 1, 2,
 * 5, 10, 15, 20, 25… ms between tries, so it often woke long after the other's commit; a turn is handed
 * over at once (Atomics). Share `buffer` with the other thread (postMessage) and make a WriteTurn of it there.
 */
export class WriteTurn {
  private readonly flag: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) {
    this.flag = new Int32Array(buffer);
  }

  /** Run `write` (a transaction) in this thread's turn. */
  hold<T>(write: () => T): T {
    const deadline = Date.now() + waitLimitMs;
    while (Atomics.compareExchange(this.flag, 0, 0, 1) !== 0) {
      const left = deadline - Date.now();
      // The other thread is stuck or gone with the turn: write anyway.
      if (left <= 0) return write();
      Atomics.wait(this.flag, 0, 1, left);
    }
    try {
      return write();
    } finally {
      Atomics.store(this.flag, 0, 0);
      Atomics.notify(this.flag, 0, 1);
    }
  }
}
