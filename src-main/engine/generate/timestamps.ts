import { dayMs } from './geo.js';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Zero-padded numbers as ready-made strings: no allocation per row.
const twoDigits = Array.from({ length: 60 }, (_, value) => String(value).padStart(2, '0'));
const threeDigits = Array.from({ length: 1000 }, (_, value) => String(value).padStart(3, '0'));

/**
 * Fast UTC timestamp formatting for millions of rows in time order: the date part is computed once
 * per day and the time of day with integer arithmetic.
 */
export interface TimestampFormatter {
  /** "2026-01-05 08:03:11.123" (RBA dataset). */
  rba(utcMs: number): string;
  /** "2026-01-05T08:03:11.123Z". */
  iso(utcMs: number): string;
  /** "Jan  5 08:03:11" (classic syslog: no year, day padded with a space). */
  syslog(utcMs: number): string;
}

/** A formatter with its own one-day cache. */
export function createTimestampFormatter(): TimestampFormatter {
  let cachedDay = NaN;
  let date = '';
  let syslogDate = '';
  // Milliseconds into the current day, after switching the cached date part when the day changes.
  const intoDay = (utcMs: number): number => {
    const day = Math.floor(utcMs / dayMs);
    if (day !== cachedDay) {
      cachedDay = day;
      const value = new Date(day * dayMs);
      date = value.toISOString().slice(0, 10);
      const dayOfMonth = value.getUTCDate();
      syslogDate = `${months[value.getUTCMonth()]} ${dayOfMonth < 10 ? ` ${dayOfMonth}` : dayOfMonth}`;
    }
    return Math.floor(utcMs - day * dayMs);
  };
  const clock = (ms: number): string => {
    const seconds = Math.floor(ms / 1000);
    return `${twoDigits[Math.floor(seconds / 3600)]}:${twoDigits[Math.floor(seconds / 60) % 60]}:${twoDigits[seconds % 60]}`;
  };
  return {
    rba(utcMs) {
      const ms = intoDay(utcMs);
      return `${date} ${clock(ms)}.${threeDigits[ms % 1000]}`;
    },
    iso(utcMs) {
      const ms = intoDay(utcMs);
      return `${date}T${clock(ms)}.${threeDigits[ms % 1000]}Z`;
    },
    syslog(utcMs) {
      // intoDay() first: it may move syslogDate to a new day.
      const ms = intoDay(utcMs);
      return `${syslogDate} ${clock(ms)}`;
    },
  };
}
