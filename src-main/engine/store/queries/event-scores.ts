import type { Decision, EventScore, ScoreComponent } from '../../../../src-shared/api.js';
import type { CaseDatabase } from '../database.js';
import type { ScoreRow } from '../scores.js';
import { runParameters, toRiskLevel } from './model-runs.js';
import { parseReasons } from './stored-reasons.js';

/** A stored score without its keys. */
type ScoreRecord = Omit<ScoreRow, 'run_id' | 'event_id'>;

/** An event's score by a run, with every component and reason; null when the run did not score it. */
export function eventScore(db: CaseDatabase, runId: number, eventId: number): EventScore | null {
  const record = db
    .prepare(`SELECT risk, level, decision, rules, freeman, forest, autoencoder, reasons FROM scores WHERE run_id = ? AND event_id = ?`)
    .get(runId, eventId) as ScoreRecord | undefined;
  if (!record) return null;
  const { models, weights } = runParameters(db, runId);
  // A run that did not record its models used them all (the engine's default).
  const components: ScoreComponent[] = [
    { name: 'rules', score: record.rules, weight: null, used: true },
    { name: 'statistical', score: record.freeman, weight: weights?.freeman ?? null, used: models ? models.freeman : true },
    { name: 'isolation-forest', score: record.forest, weight: weights?.forest ?? null, used: models ? models.forest !== false : true },
    { name: 'autoencoder', score: record.autoencoder, weight: weights?.autoencoder ?? null, used: models ? models.autoencoder !== false : true },
  ];
  return {
    eventId,
    runId,
    risk: record.risk,
    level: toRiskLevel(record.level),
    decision: toDecision(record.decision),
    components,
    reasons: parseReasons(record.reasons).sort((a, b) => Number(modelRules.has(a.rule)) - Number(modelRules.has(b.rule)) || b.severity - a.severity),
  };
}

/**
 * Reasons from the models: listed after the rules, whose reasons name the attack and its numbers;
 * a model's severity is a percentile, not comparable with a rule's.
 */
const modelRules = new Set(['statistical_risk', 'isolation_forest', 'autoencoder']);

/** A stored decision string → Decision ('allow' for anything unknown). */
export function toDecision(decision: string): Decision {
  return decision === 'block' || decision === 'challenge' ? decision : 'allow';
}
