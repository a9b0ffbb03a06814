import type { DetectionLogin } from '../../../src-shared/detect/login.js';
import type { CaseDatabase } from './database.js';

interface LoginRow {
  id: number;
  ts: number;
  user: string;
  outcome: number;
  ip: string | null;
  network: string | null;
  asn: number | null;
  country: string | null;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  browser: string | null;
  os: string | null;
  device_type: string | null;
}

/**
 * Every event of the case as detection reads it, in time order (ties by id), streamed. Read from
 * event_rows with one join per dictionary: the events view would look each column up on its own.
 */
export function* iterateDetectionLogins(db: CaseDatabase): Generator<DetectionLogin> {
  const statement = db.prepare(
    `SELECT r.id AS id, r.ts AS ts, r.user AS user, r.outcome AS outcome, r.ip AS ip, r.network AS network, r.asn AS asn,
       p.country AS country, p.region AS region, p.city AS city, p.latitude AS latitude, p.longitude AS longitude,
       c.browser AS browser, c.os AS os, c.device_type AS device_type
     FROM event_rows r LEFT JOIN places p ON p.id = r.place_id LEFT JOIN clients c ON c.id = r.client_id
     ORDER BY r.ts, r.id`,
  );
  for (const row of statement.iterate() as IterableIterator<LoginRow>) {
    yield {
      id: row.id,
      time: row.ts,
      user: row.user,
      success: row.outcome === 1,
      ip: row.ip,
      network: row.network,
      asn: row.asn,
      country: row.country,
      region: row.region,
      city: row.city,
      latitude: row.latitude,
      longitude: row.longitude,
      browser: row.browser,
      os: row.os,
      deviceType: row.device_type,
    };
  }
}

/** Ground-truth labels of the case's events, when the data carried any (for evaluation only). */
export function loadEventLabels(db: CaseDatabase): Map<number, string> {
  const rows = db.prepare(`SELECT id, label FROM events WHERE label IS NOT NULL`).all() as { id: number; label: string }[];
  return new Map(rows.map((row) => [row.id, row.label]));
}

/** Number of events and their time span. */
export function eventSpan(db: CaseDatabase): { count: number; first: number | null; last: number | null } {
  return db.prepare(`SELECT COUNT(*) AS count, MIN(ts) AS first, MAX(ts) AS last FROM events`).get() as { count: number; first: number | null; last: number | null };
}
