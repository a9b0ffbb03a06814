import type { Migration } from './migration.js';

/** Indexes for the queries an investigator runs: by time, user, IP, outcome, and per source. */
export const migration0002: Migration = {
  version: 2,
  name: 'event-indexes',
  sql: eventIndexSql(),
};

/** The event indexes; the importer drops and rebuilds them around a large bulk load. */
export function eventIndexSql(): string {
  return `
    CREATE INDEX IF NOT EXISTS events_ts ON events(ts);
    CREATE INDEX IF NOT EXISTS events_user_ts ON events(user, ts);
    CREATE INDEX IF NOT EXISTS events_ip ON events(ip);
    CREATE INDEX IF NOT EXISTS events_outcome_ts ON events(outcome, ts);
    CREATE INDEX IF NOT EXISTS events_source_line ON events(source_id, line);
  `;
}
