import { z } from 'zod';
import { modelChoiceSchema, riskLevels, type ModelChoice, type ModelRun, type RiskLevel } from '../../../../src-shared/api.js';
import type { CaseDatabase } from '../database.js';
import { listModelRuns, type ModelRunRow } from '../scores.js';

/** What a run recorded about how it scored, as far as the scores views need it. */
export interface RunParameters {
  models: ModelChoice | null;
  /** Each model's weight in the blend, when recorded. */
  weights: { freeman: number; forest: number; autoencoder: number } | null;
  /** Risk at which each level starts, when recorded (low always starts at 0). */
  levelStarts: Record<RiskLevel, number> | null;
}

// Lenient: a run written by another version may lack fields; what is missing reads as null.
const parametersSchema = z.object({
  models: modelChoiceSchema.optional().catch(undefined),
  settings: z
    .object({
      mediumAt: z.number(),
      highAt: z.number(),
      criticalAt: z.number(),
      weights: z.object({ freeman: z.number(), forest: z.number(), autoencoder: z.number() }).optional().catch(undefined),
    })
    .partial()
    .optional()
    .catch(undefined),
});

const metricsSchema = z.object({
  events: z.number().optional().catch(undefined),
  seconds: z.record(z.string(), z.number()).optional().catch(undefined),
  error: z.string().optional().catch(undefined),
});

/** The newest complete run's id; null before the first. */
export function latestCompleteRunId(db: CaseDatabase): number | null {
  const id = db.prepare(`SELECT id FROM model_runs WHERE status = 'complete' ORDER BY id DESC LIMIT 1`).pluck().get() as number | undefined;
  return id ?? null;
}

/** The highest run id so far (0 without runs): runs numbered above it started later. */
export function highestRunId(db: CaseDatabase): number {
  return (db.prepare(`SELECT COALESCE(MAX(id), 0) FROM model_runs`).pluck().get() as number) ?? 0;
}

/** Every run, newest first, as the UI shows it. */
export function modelRunList(db: CaseDatabase): ModelRun[] {
  return listModelRuns(db).map(toModelRun);
}

/** One run; null when there is no such run. */
export function modelRunById(db: CaseDatabase, id: number): ModelRun | null {
  const row = db
    .prepare(`SELECT id, kind, parameters, seed, window_start, window_end, status, metrics, started_at, finished_at FROM model_runs WHERE id = ?`)
    .get(id) as Omit<ModelRunRow, 'models'> | undefined;
  return row ? toModelRun(row) : null;
}

/** Mark runs above `afterId` that are still training as failed (their worker was stopped). */
export function failUnfinishedRuns(db: CaseDatabase, afterId: number, reason: string): number {
  return db
    .prepare(`UPDATE model_runs SET status = 'failed', metrics = ?, finished_at = ? WHERE id > ? AND status = 'training'`)
    .run(JSON.stringify({ error: reason }), Date.now(), afterId).changes;
}

/** How a run scored: models, weights and level boundaries from its recorded parameters. */
export function runParameters(db: CaseDatabase, runId: number): RunParameters {
  const text = db.prepare(`SELECT parameters FROM model_runs WHERE id = ?`).pluck().get(runId) as string | undefined;
  const parsed = parametersSchema.safeParse(safeJson(text ?? '{}'));
  const settings = parsed.success ? parsed.data.settings : undefined;
  const { mediumAt, highAt, criticalAt } = settings ?? {};
  return {
    models: parsed.success ? (parsed.data.models ?? null) : null,
    weights: settings?.weights ?? null,
    levelStarts: mediumAt !== undefined && highAt !== undefined && criticalAt !== undefined ? { low: 0, medium: mediumAt, high: highAt, critical: criticalAt } : null,
  };
}

/** A stored level string → RiskLevel ('low' for anything unknown). */
export function toRiskLevel(level: string): RiskLevel {
  return (riskLevels as readonly string[]).includes(level) ? (level as RiskLevel) : 'low';
}

function toModelRun(row: Omit<ModelRunRow, 'models'>): ModelRun {
  const parameters = parametersSchema.safeParse(safeJson(row.parameters));
  const metrics = metricsSchema.safeParse(safeJson(row.metrics));
  const figures = metrics.success ? metrics.data : {};
  return {
    id: row.id,
    status: row.status,
    seed: row.seed,
    models: parameters.success ? (parameters.data.models ?? null) : null,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    events: row.status === 'complete' ? (figures.events ?? null) : null,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    seconds: figures.seconds ?? {},
    error: row.status === 'failed' ? (figures.error ?? 'the run stopped without saying why') : null,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
