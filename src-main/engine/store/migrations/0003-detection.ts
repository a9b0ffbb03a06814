import type { Migration } from './migration.js';

/** Model runs (parameters, seed, window, metrics, the serialized models) and per-event scores of each run. */
export const migration0003: Migration = {
  version: 3,
  name: 'detection',
  sql: `
    CREATE TABLE model_runs (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,                 -- 'ensemble' (rules + freeman + isolation forest + autoencoder)
      parameters TEXT NOT NULL,           -- JSON: settings, models chosen, seed
      seed INTEGER NOT NULL,
      window_start INTEGER,               -- training window, UTC ms
      window_end INTEGER,
      status TEXT NOT NULL,               -- 'training', 'complete', 'failed'
      metrics TEXT NOT NULL DEFAULT '{}', -- JSON: timings, and evaluation when labels exist
      models TEXT NOT NULL DEFAULT '{}',  -- JSON: versioned serialized models
      started_at INTEGER NOT NULL,
      finished_at INTEGER
    );

    CREATE TABLE scores (
      run_id INTEGER NOT NULL REFERENCES model_runs(id) ON DELETE CASCADE,
      event_id INTEGER NOT NULL,
      risk REAL NOT NULL,                 -- 0..100
      level TEXT NOT NULL,                -- low, medium, high, critical
      decision TEXT NOT NULL,             -- allow, challenge, block
      rules REAL NOT NULL,                -- component scores, each 0..1
      freeman REAL NOT NULL,
      forest REAL NOT NULL,
      autoencoder REAL NOT NULL,
      reasons TEXT NOT NULL,              -- JSON array of {rule, severity, reason}
      PRIMARY KEY (run_id, event_id)
    ) WITHOUT ROWID;
    CREATE INDEX scores_run_risk ON scores(run_id, risk DESC);
  `,
};
