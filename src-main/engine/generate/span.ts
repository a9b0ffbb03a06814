import { dayMs } from './geo.js';

/** The generated period. Days are calendar-day numbers (days since 1970-01-01). */
export interface Span {
  /** UTC ms of the first possible event (inclusive). */
  start: number;
  /** UTC ms after the last possible event (exclusive). */
  end: number;
  firstDay: number;
  lastDay: number;
  /** Attacks start after the first 20% so detectors have a baseline to learn. */
  attackFrom: number;
}

/** The span of `days` days from `start`. */
export function spanOf(start: number, days: number): Span {
  const end = start + days * dayMs;
  return {
    start,
    end,
    firstDay: Math.floor(start / dayMs),
    lastDay: Math.floor((end - 1) / dayMs),
    attackFrom: start + 0.2 * (end - start),
  };
}
