import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../../src-shared/api.js';
import { overview, datasetSummary } from '../overview.js';
import { readSettings, writeSettings } from '../settings.js';
import { chooseBucket, timeline } from '../timeline.js';
import { listUsers, userProfile } from '../users.js';
import { rejectPage, sourceList } from '../sources.js';
import { caseCounts, exportCaseCopy } from '../case.js';
import { openCase } from '../../database.js';
import { prepareRejectInsert } from '../../rejects.js';
import { seedCase, type SeededCase } from './seed.js';

let seeded: SeededCase | null = null;
afterEach(() => {
  seeded?.remove();
  seeded = null;
});

const monday = Date.UTC(2024, 0, 1); // 2024-01-01 was a Monday
const hour = 3_600_000;

describe('aggregate queries', () => {
  it('counts logins and failures per bucket, with empty buckets as zeros', () => {
    seeded = seedCase();
    seeded.add([
      { time: monday + 10 * 60_000 },
      { time: monday + 20 * 60_000, outcome: 'failure' },
      { time: monday + 3 * hour + 5 },
    ]);
    const result = timeline(seeded.db, null, 'hour');
    expect(result.bucketMs).toBe(hour);
    expect(result.points).toEqual([
      { start: monday, events: 2, failures: 1 },
      { start: monday + hour, events: 0, failures: 0 },
      { start: monday + 2 * hour, events: 0, failures: 0 },
      { start: monday + 3 * hour, events: 1, failures: 0 },
    ]);
    const zoomed = timeline(seeded.db, { from: monday + 15 * 60_000, to: monday + hour }, 'minute');
    expect(zoomed.points.reduce((sum, point) => sum + point.events, 0)).toBe(1);
    expect(timeline(seeded.db, null, 'day').points).toEqual([{ start: monday, events: 3, failures: 1 }]);
  });

  it('picks a bucket that keeps the chart legible and bounded', () => {
    expect(chooseBucket(2 * hour, 'auto')).toBe('minute');
    expect(chooseBucket(14 * 24 * hour, 'auto')).toBe('6 hours');
    expect(chooseBucket(100 * 24 * hour, 'minute')).toBe('hour');
  });

  it('builds a user profile with the hour-of-week habit in UTC, Monday first', () => {
    seeded = seedCase();
    seeded.add([
      { user: 'ola', time: monday + 9 * hour, ip: '198.51.100.7', country: 'NO', latitude: 59.9, longitude: 10.7, city: 'Oslo' },
      { user: 'ola', time: monday + 7 * 24 * hour + 9 * hour + 60_000, ip: '198.51.100.8', country: 'NO', latitude: 59.9, longitude: 10.7, city: 'Oslo' },
      { user: 'ola', time: monday + 6 * 24 * hour + 23 * hour, ip: '203.0.113.5', country: 'US', outcome: 'failure' },
      { user: 'other', time: monday },
    ]);
    const profile = userProfile(seeded.db, 'ola');
    expect(profile).not.toBeNull();
    expect(profile!.events).toBe(3);
    expect(profile!.failures).toBe(1);
    expect(profile!.hourOfWeek[0][9]).toBe(2);
    expect(profile!.hourOfWeek[6][23]).toBe(1);
    expect(profile!.countries.map((row) => [row.country, row.events])).toEqual([['NO', 2], ['US', 1]]);
    expect(profile!.networks[0]).toMatchObject({ network: '198.51.100.0/24', events: 2 });
    expect(profile!.places).toEqual([{ latitude: 59.9, longitude: 10.7, city: 'Oslo', country: 'NO', events: 2 }]);
    expect(profile!.recent[0].time).toBe(monday + 7 * 24 * hour + 9 * hour + 60_000);
    expect(userProfile(seeded.db, 'nobody')).toBeNull();
  });

  it('lists users by prefix in name order', () => {
    seeded = seedCase();
    seeded.add(['bob', 'ann', 'anna', 'anna', 'andy', 'bo'].map((user, index) => ({ user, time: index })));
    expect(listUsers(seeded.db, 'an', 10).map((row) => [row.user, row.events])).toEqual([['andy', 1], ['ann', 1], ['anna', 2]]);
    expect(listUsers(seeded.db, '', 2).map((row) => row.user)).toEqual(['andy', 'ann']);
    expect(listUsers(seeded.db, 'z', 10)).toEqual([]);
  });

  it('summarises the case: totals, top failures, countries, labels', () => {
    seeded = seedCase();
    seeded.add([
      { user: 'a', ip: '192.0.2.1', outcome: 'failure', country: 'NO', time: 5, label: 'normal' },
      { user: 'a', ip: '192.0.2.1', outcome: 'failure', country: 'NO', time: 6, label: 'account-takeover' },
      { user: 'b', ip: '192.0.2.1', outcome: 'failure', country: null, time: 7 },
      { user: 'b', ip: '192.0.2.2', outcome: 'success', country: 'NO', time: 9, label: 'normal' },
    ]);
    const result = overview(seeded.db);
    expect(result).toMatchObject({ events: 4, users: 2, sources: 1, distinctIps: 2, from: 5, to: 9, successes: 1, failures: 3 });
    expect(result.topUsersByFailures).toEqual([{ user: 'a', failures: 2, events: 2 }, { user: 'b', failures: 1, events: 2 }]);
    expect(result.topIpsByFailures).toEqual([{ ip: '192.0.2.1', failures: 3, events: 3, users: 2 }]);
    expect(result.countries).toEqual([{ country: 'NO', events: 3, failures: 2 }, { country: null, events: 1, failures: 1 }]);
    expect(datasetSummary(seeded.db)).toEqual({ events: 4, users: 2, from: 5, to: 9, labels: [{ label: 'normal', count: 2 }, { label: 'account-takeover', count: 1 }], unlabelled: 1 });
  });

  it('keeps settings in the audit trail, newest change wins', () => {
    seeded = seedCase();
    expect(readSettings(seeded.db)).toEqual(defaultSettings);
    writeSettings(seeded.db, { ...defaultSettings, importTimeZone: 'Europe/Oslo' }, 'test');
    writeSettings(seeded.db, { ...defaultSettings, importTimeZone: 'Asia/Tokyo', blockThreshold: 90 }, 'test');
    expect(readSettings(seeded.db)).toEqual({ ...defaultSettings, importTimeZone: 'Asia/Tokyo', blockThreshold: 90 });
  });

  it('lists sources and pages their rejects by line', () => {
    seeded = seedCase();
    const insert = prepareRejectInsert(seeded.db);
    for (let line = 2; line <= 12; line++) insert(seeded.sourceId, line, line % 2 ? 'bad time' : 'no user', `line ${line}`);
    expect(sourceList(seeded.db)[0]).toMatchObject({ id: seeded.sourceId, name: '/logs/test.csv', format: 'rba', assumptions: [] });
    const first = rejectPage(seeded.db, seeded.sourceId, { after: null, limit: 4 });
    expect(first.rows.map((row) => row.line)).toEqual([2, 3, 4, 5]);
    expect(first.total).toBe(11);
    expect(first.byReason).toEqual({ 'bad time': 5, 'no user': 6 });
    const second = rejectPage(seeded.db, seeded.sourceId, { after: first.nextCursor, limit: 100 });
    expect(second.rows.map((row) => row.line)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(second.nextCursor).toBeNull();
  });

  it('exports a consistent copy of the case and never overwrites a file', () => {
    seeded = seedCase();
    seeded.add([{ user: 'a' }, { user: 'b' }]);
    const copy = seeded.path.replace(/\.vigil$/, '-copy.vigil');
    expect(exportCaseCopy(seeded.db, copy)).toBeGreaterThan(0);
    const reopened = openCase(copy);
    expect(caseCounts(reopened)).toEqual({ events: 2, sources: 1, rejects: 0 });
    reopened.close();
    expect(() => exportCaseCopy(seeded!.db, copy)).toThrow();
  });
});
