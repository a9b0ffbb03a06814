import type { LoginEventInput } from '../../../src-shared/event.js';
import type { CaseDatabase } from './database.js';
import { eventIndexNames, eventIndexSql } from './migrations/0002-event-indexes.js';

/** Where an event came from: its source, line and record (the raw line is in raw_blocks). */
export interface Provenance {
  sourceId: number;
  line: number;
  record: number;
}

/** Derived facts stored beside the parsed event. */
export interface StoredEnrichment {
  network: string | null;
  browser: string | null;
  os: string | null;
  deviceType: string | null;
}

/** A prepared insert for events; positional parameters are the fastest path in better-sqlite3. */
export function prepareEventInsert(db: CaseDatabase): (event: LoginEventInput, enrichment: StoredEnrichment, provenance: Provenance) => void {
  const statement = db.prepare(
    `INSERT INTO events (ts, user, outcome, ip, network, country, region, city, latitude, longitude, asn, user_agent,
       browser, os, device_type, auth_method, service, host, rtt_ms, source_id, line, record, label)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (event, enrichment, provenance) => {
    statement.run(
      event.time,
      event.user,
      event.outcome === 'success' ? 1 : 0,
      event.ip,
      enrichment.network,
      event.country,
      event.region,
      event.city,
      event.latitude,
      event.longitude,
      event.asn,
      event.userAgent,
      enrichment.browser,
      enrichment.os,
      enrichment.deviceType,
      event.authMethod,
      event.service,
      event.host,
      event.roundTripMs,
      provenance.sourceId,
      provenance.line,
      provenance.record,
      event.label,
    );
  };
}

/** Number of events of a source. */
export function countSourceEvents(db: CaseDatabase, sourceId: number): number {
  const row = db.prepare(`SELECT COUNT(*) AS count FROM events WHERE source_id = ?`).get(sourceId) as { count: number };
  return row.count;
}

/** Number of events in the case. */
export function countEvents(db: CaseDatabase): number {
  const row = db.prepare(`SELECT COUNT(*) AS count FROM events`).get() as { count: number };
  return row.count;
}

/** Drop the secondary event indexes before a bulk load (building them once afterwards is several times faster). */
export function dropEventIndexes(db: CaseDatabase): void {
  for (const name of eventIndexNames) db.exec(`DROP INDEX IF EXISTS ${name}`);
}

/** Build the secondary event indexes that are missing. */
export function createEventIndexes(db: CaseDatabase): void {
  db.exec(eventIndexSql());
}
