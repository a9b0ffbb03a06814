import { describe, expect, it } from 'vitest';
import { epochToMs, monthFromAbbreviation, parseIsoTime, wallClockToUtc, zoneOffsetAt } from '../time.js';

const iso = (text: string): number => Date.parse(text);

describe('wallClockToUtc', () => {
  it('is the wall clock itself in UTC', () => {
    expect(wallClockToUtc('UTC', 2026, 3, 1, 10, 0, 0, 5)).toBe(iso('2026-03-01T10:00:00.005Z'));
  });

  it('applies winter and summer offsets of Europe/Oslo', () => {
    expect(wallClockToUtc('Europe/Oslo', 2026, 1, 15, 12, 0, 0, 0)).toBe(iso('2026-01-15T11:00:00Z'));
    expect(wallClockToUtc('Europe/Oslo', 2026, 7, 15, 12, 0, 0, 0)).toBe(iso('2026-07-15T10:00:00Z'));
    expect(wallClockToUtc('America/New_York', 2026, 7, 15, 12, 0, 0, 0)).toBe(iso('2026-07-15T16:00:00Z'));
    expect(wallClockToUtc('Asia/Kathmandu', 2026, 7, 15, 12, 0, 0, 0)).toBe(iso('2026-07-15T06:15:00Z'));
  });

  it('moves a time in the spring-forward gap forward by the gap (02:30 does not exist on 2026-03-29 in Oslo)', () => {
    expect(wallClockToUtc('Europe/Oslo', 2026, 3, 29, 2, 30, 0, 0)).toBe(iso('2026-03-29T01:30:00Z')); // = 03:30 CEST
    expect(wallClockToUtc('Europe/Oslo', 2026, 3, 29, 1, 59, 59, 0)).toBe(iso('2026-03-29T00:59:59Z'));
    expect(wallClockToUtc('Europe/Oslo', 2026, 3, 29, 3, 0, 0, 0)).toBe(iso('2026-03-29T01:00:00Z'));
  });

  it('takes the earlier instant of an ambiguous time (02:30 happens twice on 2026-10-25 in Oslo)', () => {
    expect(wallClockToUtc('Europe/Oslo', 2026, 10, 25, 2, 30, 0, 0)).toBe(iso('2026-10-25T00:30:00Z')); // 02:30 CEST, not CET
    expect(wallClockToUtc('Europe/Oslo', 2026, 10, 25, 3, 0, 0, 0)).toBe(iso('2026-10-25T02:00:00Z'));
    expect(wallClockToUtc('Europe/Oslo', 2026, 10, 25, 1, 59, 0, 0)).toBe(iso('2026-10-24T23:59:00Z'));
  });

  it('agrees with Intl for every hour of a year across both transitions', () => {
    const format = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Oslo', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    for (let instant = iso('2026-01-01T00:00:00Z'); instant < iso('2027-01-01T00:00:00Z'); instant += 3_600_000) {
      const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
      const back = wallClockToUtc('Europe/Oslo', parts.year, parts.month, parts.day, parts.hour, parts.minute, 0, 0);
      // The repeated hour maps back to its first occurrence; every other hour maps back to itself.
      expect(back === instant || back === instant - 3_600_000).toBe(true);
      if (back !== instant) expect(zoneOffsetAt('Europe/Oslo', instant)).toBe(3_600_000);
    }
  });
});

describe('parseIsoTime', () => {
  it('reads zoned, naive, fractional and date-only forms', () => {
    expect(parseIsoTime('2024-03-01T10:00:00.123456+01:00', 'UTC')).toBe(iso('2024-03-01T09:00:00.123Z'));
    expect(parseIsoTime('2024-03-01T10:00:00Z', 'Europe/Oslo')).toBe(iso('2024-03-01T10:00:00Z'));
    expect(parseIsoTime('2024-03-01 10:00:00', 'Europe/Oslo')).toBe(iso('2024-03-01T09:00:00Z'));
    expect(parseIsoTime('2020-02-03 12:43:30.772', 'UTC')).toBe(iso('2020-02-03T12:43:30.772Z'));
    expect(parseIsoTime('2024-03-01T10:00-0530', 'UTC')).toBe(iso('2024-03-01T15:30:00Z'));
    expect(parseIsoTime('2024-03-01', 'UTC')).toBe(iso('2024-03-01T00:00:00Z'));
  });

  it('refuses impossible dates and junk', () => {
    for (const text of ['2020-13-45 99:00', '2021-02-29T00:00:00Z', '2024-03-01T25:00:00', 'yesterday', '2024-03-01T10:00:00+', '2024-03-01T10:00:00Zjunk']) {
      expect(parseIsoTime(text, 'UTC')).toBeNaN();
    }
  });
});

describe('small helpers', () => {
  it('reads month abbreviations in any case', () => {
    expect(['Jan', 'feb', 'MAR', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((name) => monthFromAbbreviation(name, 0))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(monthFromAbbreviation('Foo', 0)).toBe(0);
  });

  it('guesses the epoch unit from the size', () => {
    expect(epochToMs(1_700_000_000)).toBe(1_700_000_000_000);
    expect(epochToMs(1_700_000_000.5)).toBe(1_700_000_000_500);
    expect(epochToMs(1_700_000_000_123)).toBe(1_700_000_000_123);
    expect(epochToMs(1_700_000_000_123_456)).toBe(1_700_000_000_123);
  });
});
