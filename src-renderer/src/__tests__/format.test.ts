import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent, formatTime, fromDateTimeInput, toDateTimeInput } from '../format';
import { parseRoute, routeHref } from '../hooks/use-route';
import { filterFromParams, filterToParams } from '../views/event-filter-params';

describe('display formats', () => {
  it('shows UTC times in one sortable form and reads them back', () => {
    const time = Date.UTC(2026, 0, 31, 13, 5, 9);
    expect(formatTime(time, 'UTC')).toBe('2026-01-31 13:05:09');
    expect(fromDateTimeInput(toDateTimeInput(time, 'UTC'), 'UTC')).toBe(time);
    expect(fromDateTimeInput('2026-01-31', 'UTC')).toBe(Date.UTC(2026, 0, 31));
    expect(fromDateTimeInput('2026-01-31T13:05', 'UTC')).toBe(Date.UTC(2026, 0, 31, 13, 5));
    expect(fromDateTimeInput('', 'UTC')).toBeNull();
    expect(fromDateTimeInput('2026-02-31', 'UTC')).toBeNaN();
    expect(fromDateTimeInput('yesterday', 'UTC')).toBeNaN();
  });

  it('keeps rare shares visible and durations short', () => {
    expect(formatPercent(7, 15_000)).toBe('< 0.1 %');
    expect(formatPercent(0, 15_000)).toBe('0.0 %');
    expect(formatPercent(1, 0)).toBe('–');
    expect(formatDuration(29 * 86_400_000 + 23 * 3_600_000 + 5000)).toBe('29 d 23 h');
    expect(formatDuration(3 * 60_000 + 12_000)).toBe('3 min 12 s');
    expect(formatDuration(800)).toBe('800 ms');
  });
});

describe('routes', () => {
  it('round-trips an Events filter through the address', () => {
    const filter = { user: 'alice', ip: '10.0.0.0/8', from: 5, outcome: 'failure' as const, sort: 'asc' as const };
    const route = parseRoute(routeHref('events', filterToParams(filter)));
    expect(route.view).toBe('events');
    expect(filterFromParams(route.params)).toEqual({ ...filter, to: undefined, country: undefined, text: undefined });
    expect(parseRoute('#/nonsense').view).toBe('overview');
  });
});
