import { describe, expect, it } from 'vitest';
import { createTimestampFormatter } from '../timestamps.js';

describe('timestamps', () => {
  it('formats each layout exactly, across day changes', () => {
    const format = createTimestampFormatter();
    const times = [Date.UTC(2026, 0, 5, 0, 16, 46, 241), Date.UTC(2026, 0, 5, 23, 59, 59, 999), Date.UTC(2026, 0, 6, 0, 0, 0, 7), Date.UTC(2026, 0, 12, 9, 5, 3, 40)];
    for (const time of times) {
      const iso = new Date(time).toISOString();
      expect(format.iso(time)).toBe(iso);
      expect(format.rba(time)).toBe(iso.slice(0, 23).replace('T', ' '));
    }
    const syslog = createTimestampFormatter();
    expect(times.map((time) => syslog.syslog(time))).toEqual(['Jan  5 00:16:46', 'Jan  5 23:59:59', 'Jan  6 00:00:00', 'Jan 12 09:05:03']);
  });
});
