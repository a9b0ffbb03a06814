import { explainAbove, explainForestRows, composeScore } from '../../../src-shared/detect/login-score.js';
import { componentScores, forestComponent, modelUse, type TrainedModels } from '../../../src-shared/detect/login-scorer.js';
import type { DecisionSettings } from '../../../src-shared/detect/ensemble.js';
import type { Finding } from '../../../src-shared/detect/rules.js';
import type { CaseDatabase } from '../store/database.js';
import { bulkWriteScores } from '../store/score-bulk.js';
import type { AssessmentPass } from './assessment-pass.js';

export type { StoredReason } from '../../../src-shared/detect/login-score.js';

/** Raw model outputs of every row of a pass. */
export interface RawPassScores {
  forest: Float64Array;
  autoencoder: Float64Array;
}

const progressRows = 50_000;
const noFindings: readonly Finding[] = [];
/** What `JSON.stringify` gives for a score without reasons (most of them), without calling it. */
const noReasons = '[]';

/**
 * Combine the components of every event into risk, level and decision, with reasons, and store them in
 * one transaction. Each row goes through the same `componentScores` and `composeScore` as a live login,
 * so batch and event-by-event scoring agree exactly.
 */
export function writeScores(
  db: CaseDatabase,
  runId: number,
  pass: AssessmentPass,
  models: TrainedModels,
  raw: RawPassScores,
  settings: DecisionSettings,
  onProgress: (done: number) => void,
): Float64Array {
  const risks = new Float64Array(pass.count);
  const forestNotes = explainForest(pass, models, raw);
  const used = modelUse(models);
  const modelScores = { userRisk: 0, forest: 0, autoencoder: 0 };
  bulkWriteScores(db, runId, (add) => {
    for (let row = 0; row < pass.count; row++) {
      modelScores.userRisk = pass.userRisk[row];
      modelScores.forest = raw.forest[row];
      modelScores.autoencoder = raw.autoencoder[row];
      const components = componentScores(pass.rules[row], modelScores, models);
      const score = composeScore(pass.findings.get(row) ?? noFindings, components, { freemanTop: pass.userRiskTop[row], forest: forestNotes.get(row) ?? null }, settings, used);
      risks[row] = score.risk;
      const reasons = score.reasons.length === 0 ? noReasons : JSON.stringify(score.reasons);
      add(pass.eventIds[row], score.risk, score.level, score.decision, components.rules, components.freeman, components.forest, components.autoencoder, reasons);
      if ((row + 1) % progressRows === 0) onProgress(row + 1);
    }
  });
  onProgress(pass.count);
  return risks;
}

/** The forest's explanation of the rows it finds most isolated, by row. */
function explainForest(pass: AssessmentPass, models: TrainedModels, raw: RawPassScores): Map<number, string> {
  const notes = new Map<number, string>();
  if (!models.forest) return notes;
  const rows: number[] = [];
  const percentiles: number[] = [];
  for (let row = 0; row < pass.count; row++) {
    const forest = forestComponent(models, raw.forest[row]);
    if (forest >= explainAbove) {
      rows.push(row);
      percentiles.push(forest);
    }
  }
  const texts = explainForestRows(models.forest, pass.features.values, rows, percentiles);
  rows.forEach((row, index) => notes.set(row, texts[index]));
  return notes;
}
