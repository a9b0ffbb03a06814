import { afterEach, describe, expect, it } from 'vitest';
import type { EventFilter, EventRow } from '../../../../../src-shared/api.js';
import { eventFilterConditions } from '../event-filter.js';
import { getEvent, queryEvents } from '../events.js';
import { whereClause } from '../sql-condition.js';
import { seedCase, type SeededCase } from './seed.js';

let seeded: SeededCase | null = null;
afterEach(() => {
  seeded?.remove();
  seeded = null;
});

function allPages(filter: EventFilter, limit: number): EventRow[] {
  const rows: EventRow[] = [];
  let after: string | null = null;
  do {
    const page = queryEvents(seeded!.db, filter, { after, limit });
    rows.push(...page.rows);
    after = page.nextCursor;
  } while (after);
  return rows;
}

function seedMany(): void {
  seeded = seedCase();
  const users = ['alice', 'bob', 'carol', 'dave_1', 'dave%2'];
  // Many events share a timestamp, so the id must break ties for the keyset to be exact.
  seeded.add(
    Array.from({ length: 500 }, (_, index) => ({
      time: 1_700_000_000_000 + Math.floor(index / 7) * 60_000,
      user: users[index % users.length],
      outcome: index % 3 === 0 ? ('failure' as const) : ('success' as const),
      ip: `192.0.2.${index % 20}`,
      country: index % 2 === 0 ? 'NO' : 'US',
    })),
  );
}

describe('event queries', () => {
  it('reads a dense CIDR block in time order and a sparse one through the address index, with the same rows', () => {
    seeded = seedCase();
    // 20,500 events in 10.1.0.0/16 (dense) and 50 in 192.0.2.0/24 (sparse), interleaved in time.
    seeded.add(
      Array.from({ length: 20_550 }, (_, index) => ({
        time: 1_700_000_000_000 + index * 1000,
        ip: index % 411 === 0 ? `192.0.2.${index % 250}` : `10.1.${index % 256}.${index % 200}`,
      })),
    );
    const plan = (filter: EventFilter): string => {
      const where = whereClause(eventFilterConditions(seeded!.db, filter));
      const rows = seeded!.db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM events ${where.sql} ORDER BY ts DESC, id DESC LIMIT 10`).all(...where.parameters) as { detail: string }[];
      return rows.map((row) => row.detail).join(' | ');
    };
    expect(plan({ ip: '10.1.0.0/16' })).toMatch(/INDEX events_ts/);
    expect(plan({ ip: '10.1.0.0/16' })).not.toMatch(/TEMP B-TREE/);
    expect(plan({ ip: '192.0.2.0/24' })).toMatch(/INDEX events_ip/);
    expect(allPages({ ip: '192.0.2.0/24' }, 1000)).toHaveLength(50);
    const dense = allPages({ ip: '10.1.0.0/16' }, 1000);
    expect(dense).toHaveLength(20_500);
    expect(dense.every((row) => row.ip?.startsWith('10.1.'))).toBe(true);
  });

  it('pages through every event exactly once in both orders, ties broken by id', () => {
    seedMany();
    for (const sort of ['asc', 'desc'] as const) {
      const rows = allPages({ sort }, 37);
      expect(rows).toHaveLength(500);
      expect(new Set(rows.map((row) => row.id)).size).toBe(500);
      const sorted = [...rows].sort((a, b) => (a.time - b.time || a.id - b.id) * (sort === 'asc' ? 1 : -1));
      expect(rows.map((row) => row.id)).toEqual(sorted.map((row) => row.id));
    }
  });

  it('combines filters and counts the first page only', () => {
    seedMany();
    const first = queryEvents(seeded!.db, { user: 'bob', outcome: 'failure', country: 'NO' }, { after: null, limit: 5 });
    const everything = allPages({ user: 'bob', outcome: 'failure', country: 'NO' }, 5);
    expect(first.total).toEqual({ count: everything.length, exact: true });
    expect(everything.length).toBeGreaterThan(5);
    for (const row of everything) expect([row.user, row.outcome, row.country]).toEqual(['bob', 'failure', 'NO']);
    const second = queryEvents(seeded!.db, { user: 'bob' }, { after: first.nextCursor, limit: 5 });
    expect(second.total).toBeNull();
  });

  it('searches text literally: % and _ are not wildcards', () => {
    seedMany();
    expect(allPages({ text: 'dave%' }, 100).every((row) => row.user === 'dave%2')).toBe(true);
    expect(allPages({ text: 'dave_' }, 100).every((row) => row.user === 'dave_1')).toBe(true);
    expect(allPages({ text: 'DAVE_' }, 100)).toHaveLength(100);
  });

  it('limits by time range, half-open', () => {
    seedMany();
    const from = 1_700_000_000_000 + 60_000;
    const rows = allPages({ from, to: from + 120_000 }, 100);
    expect(rows).toHaveLength(14);
    expect(rows.every((row) => row.time >= from && row.time < from + 120_000)).toBe(true);
  });

  it('matches nothing for a risk filter while no event is scored', () => {
    seedMany();
    expect(queryEvents(seeded!.db, { risk: 'low' }, { after: null, limit: 10 }).rows).toEqual([]);
  });

  it('returns one event in full with its source, or null', () => {
    seedMany();
    const detail = getEvent(seeded!.db, 3);
    expect(detail?.event.raw).toMatch(/^raw /);
    expect(detail?.source).toEqual({ id: seeded!.sourceId, name: '/logs/test.csv', format: 'rba' });
    expect(getEvent(seeded!.db, 99_999)).toBeNull();
  });

  it('answers pages from an index, without sorting the table', () => {
    seedMany();
    const plan = (filter: EventFilter, cursor: boolean): string => {
      const conditions = eventFilterConditions(seeded!.db, filter);
      if (cursor) conditions.push({ sql: 'ts <= ? AND (ts < ? OR id < ?)', parameters: [1, 1, 1] });
      const where = whereClause(conditions);
      const rows = seeded!.db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM events ${where.sql} ORDER BY ts DESC, id DESC LIMIT 10`).all(...where.parameters) as { detail: string }[];
      return rows.map((row) => row.detail).join(' | ');
    };
    expect(plan({}, true)).toMatch(/USING (COVERING )?INDEX events_ts/);
    expect(plan({}, true)).not.toMatch(/TEMP B-TREE/);
    expect(plan({ user: 'bob' }, true)).toMatch(/USING (COVERING )?INDEX events_user_ts/);
    expect(plan({ user: 'bob' }, true)).not.toMatch(/TEMP B-TREE/);
    expect(plan({ ip: '192.0.2.7' }, false)).toMatch(/events_ip/);
    expect(plan({ outcome: 'failure' }, true)).toMatch(/USING (COVERING )?INDEX events_failures_ts/);
    expect(plan({ outcome: 'failure' }, true)).not.toMatch(/TEMP B-TREE/);
  });
});
