/**
 * Event-loop stalls, as intervals on the wall clock, so that two processes' stalls can be compared in time.
 * A timer ticks every few milliseconds; a tick that comes late by more than `minimumMs` is a stall from when it
 * was due to when it ran. On the 2-core VM measured here the whole machine sometimes freezes for 100–170 ms
 * (heavy disk writes by any process): an idle process beside the app sees such a stall at the same moment.
 * `attribute` keeps of each stall of the app only the part no stall of the idle process covers: the app's own.
 */

/** A stall: from when a tick was due to when it ran, in ms since the epoch. */
export interface Stall {
  from: number;
  to: number;
}

const tickMs = 5;
const minimumMs = 10;

/** Record this thread's stalls until `stop` is called. */
export function recordStalls(): { stop: () => Stall[] } {
  const stalls: Stall[] = [];
  const now = (): number => performance.timeOrigin + performance.now();
  let last = now();
  const timer = setInterval(() => {
    const at = now();
    const due = last + tickMs;
    if (at - due > minimumMs) stalls.push({ from: due, to: at });
    last = at;
  }, tickMs);
  return {
    stop: () => {
      clearInterval(timer);
      return stalls;
    },
  };
}

/** Of each stall, the longest stretch that none of the `reference` stalls covers. */
export function attribute(stalls: readonly Stall[], reference: readonly Stall[]): Stall[] {
  const covering = [...reference].sort((a, b) => a.from - b.from);
  return stalls.map((stall) => {
    let longest: Stall = { from: stall.from, to: stall.from };
    let from = stall.from;
    for (const covered of covering) {
      if (covered.to <= from || covered.from >= stall.to) continue;
      if (covered.from - from > longest.to - longest.from) longest = { from, to: covered.from };
      from = Math.max(from, covered.to);
    }
    if (stall.to - from > longest.to - longest.from) longest = { from, to: stall.to };
    return longest;
  });
}

/** The longest stall in ms (0 without any) and how many were 50 ms or longer. */
export function summarise(stalls: readonly Stall[]): { maxMs: number; over50: number } {
  const lengths = stalls.map((stall) => stall.to - stall.from);
  return { maxMs: Math.max(0, ...lengths), over50: lengths.filter((length) => length >= 50).length };
}
