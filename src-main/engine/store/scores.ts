import type { CaseDatabase } from './database.js';

/** The score of one event in one run. */
export interface ScoreRow {
  run_id: number;
  event_id: number;
  risk: number;
  level: string;
  decision: string;
  rules: number;
  freeman: number;
  forest: number;
  autoencoder: number;
  reasons: string;
}

/** A model run as stored. */
export interface ModelRunRow {
  id: number;
  kind: string;
  parameters: string;
  seed: number;
  window_start: number | null;
  window_end: number | null;
  status: 'training' | 'complete' | 'failed';
  metrics: string;
  models: string;
  started_at: number;
  finished_at: number | null;
}

/** Register a run that is starting. */
export function createModelRun(db: CaseDatabase, run: { kind: string; parameters: object; seed: number; windowStart: number | null; windowEnd: number | null }): number {
  const result = db
    .prepare(`INSERT INTO model_runs (kind, parameters, seed, window_start, window_end, status, started_at) VALUES (?, ?, ?, ?, ?, 'training', ?)`)
    .run(run.kind, JSON.stringify(run.parameters), run.seed, run.windowStart, run.windowEnd, Date.now());
  return Number(result.lastInsertRowid);
}

/** Store a run's outcome: its models (versioned JSON, in `run_models`) and metrics. */
export function finishModelRun(db: CaseDatabase, runId: number, status: 'complete' | 'failed', models: object, metrics: object): void {
  db.transaction(() => {
    db.prepare(`UPDATE model_runs SET status = ?, metrics = ?, finished_at = ? WHERE id = ?`).run(status, JSON.stringify(metrics), Date.now(), runId);
    db.prepare(`INSERT OR REPLACE INTO run_models (run_id, models) VALUES (?, ?)`).run(runId, JSON.stringify(models));
  })();
}

/** The newest complete run, if any, with its models. */
export function latestModelRun(db: CaseDatabase): ModelRunRow | undefined {
  return db
    .prepare(
      `SELECT model_runs.*, COALESCE(run_models.models, '{}') AS models
       FROM model_runs LEFT JOIN run_models ON run_models.run_id = model_runs.id
       WHERE status = 'complete' ORDER BY id DESC LIMIT 1`,
    )
    .get() as ModelRunRow | undefined;
}

/** Every run, newest first, without the (large) serialized models. */
export function listModelRuns(db: CaseDatabase): Omit<ModelRunRow, 'models'>[] {
  return db
    .prepare(`SELECT id, kind, parameters, seed, window_start, window_end, status, metrics, started_at, finished_at FROM model_runs ORDER BY id DESC`)
    .all() as Omit<ModelRunRow, 'models'>[];
}

/** A prepared insert of scores for a run. */
export function prepareScoreInsert(db: CaseDatabase): (score: ScoreRow) => void {
  const statement = db.prepare(`INSERT OR REPLACE INTO scores VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  return (score) => {
    statement.run(score.run_id, score.event_id, score.risk, score.level, score.decision, score.rules, score.freeman, score.forest, score.autoencoder, score.reasons);
  };
}

/** Delete the scores of a run (before re-scoring it). */
export function clearScores(db: CaseDatabase, runId: number): void {
  db.prepare(`DELETE FROM scores WHERE run_id = ?`).run(runId);
}

/** Where an event came from, and whose login from where it was, as SCORES.csv names it. */
export interface EventOrigin {
  id: number;
  source: string;
  line: number;
  record: number;
  ts: number;
  user: string;
  ip: string | null;
}

/** A scored event as exported to SCORES.csv. */
export interface ScoredEventRow extends Omit<EventOrigin, 'id'> {
  risk: number;
  level: string;
  decision: string;
  reasons: string;
}

/** Source names by id (a case has a few). */
function sourceNames(db: CaseDatabase): Map<number, string> {
  return new Map(db.prepare(`SELECT id, name FROM sources`).raw().all() as [number, string][]);
}

/**
 * Every scored event of a run with its provenance, in event order, streamed. Ordered by the score's key
 * (the same order as events.id, which it joins on): the primary key walks it in that order, where
 * ordering by events.id sorted every row with its reasons in a temporary B-tree first. Rows are read as
 * arrays from event_rows, and the few source names looked up here rather than joined per row.
 */
export function* iterateScoredEvents(db: CaseDatabase, runId: number): Generator<ScoredEventRow> {
  const sources = sourceNames(db);
  const statement = db
    .prepare(
      `SELECT e.source_id, e.line, e.record, e.ts, e.user, e.ip, s.risk, s.level, s.decision, s.reasons
       FROM scores s JOIN event_rows e ON e.id = s.event_id
       WHERE s.run_id = ? ORDER BY s.event_id`,
    )
    .raw();
  type Row = [number, number, number, number, string, string | null, number, string, string, string];
  for (const [sourceId, line, record, ts, user, ip, risk, level, decision, reasons] of statement.iterate(runId) as IterableIterator<Row>) {
    yield { source: sources.get(sourceId) ?? '', line, record, ts, user, ip, risk, level, decision, reasons };
  }
}

/** The origin of every event of the case, in event order (the table's own order: no sort), streamed. */
export function* iterateEventOrigins(db: CaseDatabase): Generator<EventOrigin> {
  const sources = sourceNames(db);
  const statement = db.prepare(`SELECT id, source_id, line, record, ts, user, ip FROM event_rows ORDER BY id`).raw();
  type Row = [number, number, number, number, number, string, string | null];
  for (const [id, sourceId, line, record, ts, user, ip] of statement.iterate() as IterableIterator<Row>) {
    yield { id, source: sources.get(sourceId) ?? '', line, record, ts, user, ip };
  }
}

/** The highest event id a run has a score for (0 when none): events above it were stored after the run read the case. */
export function maxScoredEventId(db: CaseDatabase, runId: number): number {
  return (db.prepare(`SELECT MAX(event_id) FROM scores WHERE run_id = ?`).pluck().get(runId) as number | null) ?? 0;
}
