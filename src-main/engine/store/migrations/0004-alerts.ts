import type { Migration } from './migration.js';

/**
 * Incidents: a run's alerts (scores at or above the challenge threshold) grouped by user or address,
 * with their triage status and a history of notes. `incident_runs` records for which run and threshold
 * the incidents were derived, so a changed threshold re-derives them (keeping the triage done so far).
 */
export const migration0004: Migration = {
  version: 4,
  name: 'alerts',
  sql: `
    CREATE TABLE incident_runs (
      run_id INTEGER PRIMARY KEY REFERENCES model_runs(id) ON DELETE CASCADE,
      threshold REAL NOT NULL,            -- risk at or above which a score alerted
      gap_minutes INTEGER NOT NULL,       -- alerts of one user or address closer than this are one incident
      derived_at INTEGER NOT NULL
    );

    -- AUTOINCREMENT: an incident's number is never reused, so a link or a note naming it stays right.
    CREATE TABLE incidents (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      run_id INTEGER NOT NULL REFERENCES model_runs(id) ON DELETE CASCADE,
      title TEXT NOT NULL,
      level TEXT NOT NULL,                -- highest level among its alerts
      max_risk REAL NOT NULL,
      first_ts INTEGER NOT NULL,
      last_ts INTEGER NOT NULL,
      alerts INTEGER NOT NULL,
      users TEXT NOT NULL,                -- JSON: at most 20 users, most alerts first
      user_count INTEGER NOT NULL,
      ips TEXT NOT NULL,                  -- JSON: at most 20 addresses, most alerts first
      ip_count INTEGER NOT NULL,
      rules TEXT NOT NULL,                -- JSON: rules behind its alerts, most frequent first
      status TEXT NOT NULL DEFAULT 'new', -- new, acknowledged, false-positive, resolved
      updated_at INTEGER
    );
    CREATE INDEX incidents_run_time ON incidents(run_id, last_ts DESC);

    CREATE TABLE incident_events (
      incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
      event_id INTEGER NOT NULL,
      PRIMARY KEY (incident_id, event_id)
    ) WITHOUT ROWID;
    CREATE INDEX incident_events_event ON incident_events(event_id);

    CREATE TABLE incident_notes (
      id INTEGER PRIMARY KEY,
      incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
      ts INTEGER NOT NULL,
      actor TEXT NOT NULL,
      status TEXT NOT NULL,               -- the status the action set
      text TEXT NOT NULL
    );
    CREATE INDEX incident_notes_incident ON incident_notes(incident_id, ts);
  `,
};
