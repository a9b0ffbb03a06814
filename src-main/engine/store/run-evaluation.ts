import type { CaseDatabase } from './database.js';
import type { ScoreRow } from './scores.js';

/** One scored event of a run with its ground-truth label (null when the data carried none). */
export interface LabelledScore {
  risk: number;
  label: string | null;
}

/** Every score of a run with the event's label, in event order. */
export function loadLabelledScores(db: CaseDatabase, runId: number): LabelledScore[] {
  return db
    .prepare(`SELECT scores.risk AS risk, events.label AS label FROM scores JOIN events ON events.id = scores.event_id WHERE scores.run_id = ? ORDER BY events.id`)
    .all(runId) as LabelledScore[];
}

/** Merge `entries` into a run's metrics JSON (other keys are kept). */
export function mergeRunMetrics(db: CaseDatabase, runId: number, entries: object): void {
  const row = db.prepare(`SELECT metrics FROM model_runs WHERE id = ?`).get(runId) as { metrics: string } | undefined;
  if (!row) throw new Error(`No model run #${runId}.`);
  const metrics = { ...(JSON.parse(row.metrics) as object), ...entries };
  db.prepare(`UPDATE model_runs SET metrics = ? WHERE id = ?`).run(JSON.stringify(metrics), runId);
}

/** Events of the case that a run did not score (imported after it), and the newest of them. */
export function unscoredEvents(db: CaseDatabase, runId: number): { count: number; first: number | null; last: number | null } {
  return db
    .prepare(
      `SELECT COUNT(*) AS count, MIN(ts) AS first, MAX(ts) AS last FROM events
       WHERE NOT EXISTS (SELECT 1 FROM scores WHERE scores.run_id = ? AND scores.event_id = events.id)`,
    )
    .get(runId) as { count: number; first: number | null; last: number | null };
}

/** Every score row of a run, in event order (for comparing runs). */
export function loadRunScores(db: CaseDatabase, runId: number): ScoreRow[] {
  return db.prepare(`SELECT * FROM scores WHERE run_id = ? ORDER BY event_id`).all(runId) as ScoreRow[];
}
