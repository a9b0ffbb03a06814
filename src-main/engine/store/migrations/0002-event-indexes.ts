import type { Migration } from './migration.js';

/** Indexes for the queries an investigator runs: by time, by user over time, by IP, failures over time. */
export const migration0002: Migration = {
  version: 2,
  name: 'event-indexes',
  sql: eventIndexSql(),
};

/** Names of the secondary event indexes; a large import drops them and builds them once at the end. */
export const eventIndexNames = ['events_ts', 'events_user_ts', 'events_ip', 'events_failures_ts'] as const;

/** The event indexes, idempotent, so an interrupted bulk import can be repaired by running it again. */
export function eventIndexSql(): string {
  return `
    CREATE INDEX IF NOT EXISTS events_ts ON events(ts);
    CREATE INDEX IF NOT EXISTS events_user_ts ON events(user, ts);
    CREATE INDEX IF NOT EXISTS events_ip ON events(ip);
    -- Outcome: failures are the selective side (a few percent of logins), so only they are indexed;
    -- successes are most rows and are best read through events_ts.
    CREATE INDEX IF NOT EXISTS events_failures_ts ON events(ts) WHERE outcome = 0;
  `;
}
