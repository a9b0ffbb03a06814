import type { UserProfile, UserSummary } from '../../../../src-shared/api.js';
import type { CaseDatabase } from '../database.js';
import { currentScoring, scoreJoin } from './event-scoring.js';
import { eventRowColumns, toEventRow, type EventRowRecord } from './events.js';

/** Newest logins listed in a profile. */
export const profileRecentLimit = 200;
/** 1970-01-01 was a Thursday: this shifts day numbers so Monday is 0. */
const mondayOffset = 3;

/**
 * Users whose name starts with a prefix, in name order. Walks the events_user_ts index one distinct
 * user at a time (a loose index scan), so it stays fast however many events each user has.
 */
export function listUsers(db: CaseDatabase, prefix: string, limit: number): UserSummary[] {
  const next = db.prepare(`SELECT user FROM events WHERE user > ? ORDER BY user LIMIT 1`).pluck();
  const first = db.prepare(`SELECT user FROM events WHERE user >= ? ORDER BY user LIMIT 1`).pluck();
  const stats = db.prepare(`SELECT COUNT(*) AS events, MAX(ts) AS lastTime FROM events WHERE user = ?`);
  const found: UserSummary[] = [];
  let user = first.get(prefix) as string | undefined;
  while (user !== undefined && user.startsWith(prefix) && found.length < limit) {
    const row = stats.get(user) as { events: number; lastTime: number };
    found.push({ user, events: row.events, lastTime: row.lastTime });
    user = next.get(user) as string | undefined;
  }
  return found;
}

/** A user's behaviour: volumes, hour-of-week habit, devices, places, networks and newest logins; null if unknown. */
export function userProfile(db: CaseDatabase, user: string): UserProfile | null {
  const totals = db
    .prepare(`SELECT COUNT(*) AS events, COALESCE(SUM(outcome), 0) AS successes, MIN(ts) AS first, MAX(ts) AS last FROM events WHERE user = ?`)
    .get(user) as { events: number; successes: number; first: number | null; last: number | null };
  if (totals.events === 0 || totals.first === null || totals.last === null) return null;

  const hourOfWeek = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  const cells = db
    .prepare(
      `SELECT (ts / 86400000 + ${mondayOffset}) % 7 AS day, (ts % 86400000) / 3600000 AS hour, COUNT(*) AS count
       FROM events WHERE user = ? AND ts >= 0 GROUP BY day, hour`,
    )
    .all(user) as { day: number; hour: number; count: number }[];
  for (const cell of cells) hourOfWeek[cell.day][cell.hour] = cell.count;

  const devices = db
    .prepare(
      `SELECT browser, os, device_type AS deviceType, COUNT(*) AS events, MAX(ts) AS lastTime
       FROM events WHERE user = ? GROUP BY browser, os, device_type ORDER BY events DESC LIMIT 50`,
    )
    .all(user) as UserProfile['devices'];
  const countries = db
    .prepare(
      `SELECT country, COUNT(*) AS events, SUM(outcome = 0) AS failures, MAX(ts) AS lastTime
       FROM events WHERE user = ? GROUP BY country ORDER BY events DESC LIMIT 50`,
    )
    .all(user) as UserProfile['countries'];
  const networks = db
    .prepare(
      `SELECT network, MAX(asn) AS asn, COUNT(*) AS events, SUM(outcome = 0) AS failures, MAX(ts) AS lastTime
       FROM events WHERE user = ? GROUP BY network ORDER BY events DESC LIMIT 50`,
    )
    .all(user) as UserProfile['networks'];
  const places = db
    .prepare(
      `SELECT latitude, longitude, MAX(city) AS city, MAX(country) AS country, COUNT(*) AS events
       FROM events WHERE user = ? AND latitude IS NOT NULL AND longitude IS NOT NULL
       GROUP BY latitude, longitude ORDER BY events DESC LIMIT 500`,
    )
    .all(user) as UserProfile['places'];
  const join = scoreJoin(currentScoring(db), { forceEventsFirst: false });
  const recent = db
    .prepare(`SELECT ${eventRowColumns}, ${join.columns} FROM events ${join.join} WHERE user = ? ORDER BY ts DESC, id DESC LIMIT ?`)
    .all(...join.parameters, user, profileRecentLimit) as EventRowRecord[];

  return {
    user,
    events: totals.events,
    successes: totals.successes,
    failures: totals.events - totals.successes,
    firstTime: totals.first,
    lastTime: totals.last,
    hourOfWeek,
    devices,
    countries,
    networks,
    places,
    recent: recent.map(toEventRow),
    recentLimit: profileRecentLimit,
  };
}
