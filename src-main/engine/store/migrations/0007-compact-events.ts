import type { Migration } from './migration.js';

/**
 * Compact events, for import speed: the client (user agent, browser, OS, device type) and the place
 * (country, region, city, coordinates) of an event repeat across millions of rows, so they are stored
 * once in `clients` and `places` and each row keeps their ids. Rows go to `event_rows`; `events` becomes
 * a view with the old columns (scalar subqueries, so it flattens into every query and an unused column
 * costs nothing), so readers are unchanged. Raw blocks name their compression (`codec`): 'deflate'
 * for every block written before, 'brotli' after (twice as fast to write, a quarter smaller).
 */
export const migration0007: Migration = {
  version: 7,
  name: 'compact-events',
  sql: `
    ALTER TABLE raw_blocks ADD COLUMN codec TEXT NOT NULL DEFAULT 'deflate';

    CREATE TABLE clients (
      id INTEGER PRIMARY KEY,
      user_agent TEXT,
      browser TEXT,
      os TEXT,
      device_type TEXT
    );
    CREATE INDEX clients_key ON clients(user_agent, browser, os, device_type);

    CREATE TABLE places (
      id INTEGER PRIMARY KEY,
      country TEXT,
      region TEXT,
      city TEXT,
      latitude REAL,
      longitude REAL
    );
    CREATE INDEX places_key ON places(city, country, region, latitude, longitude);

    CREATE TABLE event_rows (
      id INTEGER PRIMARY KEY,
      ts INTEGER NOT NULL,              -- UTC ms
      user TEXT NOT NULL,
      outcome INTEGER NOT NULL,         -- 1 success, 0 failure
      ip TEXT,
      network TEXT,                     -- IPv4 /24, IPv6 /64
      place_id INTEGER,                 -- places.id; null when the event has no place at all
      asn INTEGER,
      client_id INTEGER,                -- clients.id; null when the event names no client at all
      auth_method TEXT,
      service TEXT,
      host TEXT,
      rtt_ms REAL,
      source_id INTEGER NOT NULL REFERENCES sources(id),
      line INTEGER NOT NULL,
      record INTEGER NOT NULL,
      label TEXT                        -- ground truth found in the data; never a model input
    );

    INSERT INTO clients (user_agent, browser, os, device_type)
      SELECT DISTINCT user_agent, browser, os, device_type FROM events
      WHERE user_agent IS NOT NULL OR browser IS NOT NULL OR os IS NOT NULL OR device_type IS NOT NULL;
    INSERT INTO places (country, region, city, latitude, longitude)
      SELECT DISTINCT country, region, city, latitude, longitude FROM events
      WHERE country IS NOT NULL OR region IS NOT NULL OR city IS NOT NULL OR latitude IS NOT NULL OR longitude IS NOT NULL;
    INSERT INTO event_rows
      SELECT e.id, e.ts, e.user, e.outcome, e.ip, e.network,
        (SELECT p.id FROM places p WHERE p.city IS e.city AND p.country IS e.country AND p.region IS e.region
           AND p.latitude IS e.latitude AND p.longitude IS e.longitude),
        e.asn,
        (SELECT c.id FROM clients c WHERE c.user_agent IS e.user_agent AND c.browser IS e.browser AND c.os IS e.os
           AND c.device_type IS e.device_type),
        e.auth_method, e.service, e.host, e.rtt_ms, e.source_id, e.line, e.record, e.label
      FROM events e ORDER BY e.id;
    DROP TABLE events;

    CREATE VIEW events AS SELECT
      id, ts, user, outcome, ip, network,
      (SELECT country FROM places WHERE places.id = place_id) AS country,
      (SELECT region FROM places WHERE places.id = place_id) AS region,
      (SELECT city FROM places WHERE places.id = place_id) AS city,
      (SELECT latitude FROM places WHERE places.id = place_id) AS latitude,
      (SELECT longitude FROM places WHERE places.id = place_id) AS longitude,
      asn,
      (SELECT user_agent FROM clients WHERE clients.id = client_id) AS user_agent,
      (SELECT browser FROM clients WHERE clients.id = client_id) AS browser,
      (SELECT os FROM clients WHERE clients.id = client_id) AS os,
      (SELECT device_type FROM clients WHERE clients.id = client_id) AS device_type,
      auth_method, service, host, rtt_ms, source_id, line, record, label
    FROM event_rows;

    ${eventIndexSql()}
  `,
};

/** Names of the secondary event indexes; a large import drops them and builds them once at the end. */
export const eventIndexNames = ['events_ts', 'events_user_ts', 'events_ip', 'events_failures_ts'] as const;

/** The event indexes, idempotent, so an interrupted bulk import can be repaired by running it again. */
export function eventIndexSql(): string {
  return `
    CREATE INDEX IF NOT EXISTS events_ts ON event_rows(ts);
    CREATE INDEX IF NOT EXISTS events_user_ts ON event_rows(user, ts);
    CREATE INDEX IF NOT EXISTS events_ip ON event_rows(ip);
    -- Outcome: failures are the selective side (a few percent of logins), so only they are indexed;
    -- successes are most rows and are best read through events_ts.
    CREATE INDEX IF NOT EXISTS events_failures_ts ON event_rows(ts) WHERE outcome = 0;
  `;
}
