import type { Migration } from './migration.js';

/**
 * Indexes for the queries an investigator runs: by time, by user over time, by IP, failures over time.
 * (Since 0007 they index event_rows under the same names; eventIndexSql there keeps them.)
 */
export const migration0002: Migration = {
  version: 2,
  name: 'event-indexes',
  sql: `
    CREATE INDEX IF NOT EXISTS events_ts ON events(ts);
    CREATE INDEX IF NOT EXISTS events_user_ts ON events(user, ts);
    CREATE INDEX IF NOT EXISTS events_ip ON events(ip);
    -- Outcome: failures are the selective side (a few percent of logins), so only they are indexed;
    -- successes are most rows and are best read through events_ts.
    CREATE INDEX IF NOT EXISTS events_failures_ts ON events(ts) WHERE outcome = 0;
  `,
};
