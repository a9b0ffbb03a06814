import type { Migration } from './migration.js';

/**
 * A run's serialized models (tens of MB of JSON on a large case: every user's profile) move to a table of
 * their own. In `model_runs` they sat before `started_at` and `finished_at`, so reading either walked the
 * text's whole overflow chain: listing two runs of a 5M-event case took 30 ms warm and 100 ms cold, on the
 * thread that serves the UI.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'run-models',
  sql: `
    CREATE TABLE run_models (
      run_id INTEGER PRIMARY KEY REFERENCES model_runs(id) ON DELETE CASCADE,
      models TEXT NOT NULL                -- JSON: versioned serialized models
    );
    INSERT INTO run_models SELECT id, models FROM model_runs WHERE models <> '{}';
    ALTER TABLE model_runs DROP COLUMN models;
  `,
};
