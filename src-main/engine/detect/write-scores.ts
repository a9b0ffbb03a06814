import { explainAbove, explainForestRows, composeScore } from '../../../src-shared/detect/login-score.js';
import { componentScores, modelUse, type TrainedModels } from '../../../src-shared/detect/login-scorer.js';
import type { DecisionSettings } from '../../../src-shared/detect/ensemble.js';
import type { CaseDatabase } from '../store/database.js';
import { prepareScoreInsert } from '../store/scores.js';
import type { AssessmentPass } from './assessment-pass.js';

export type { StoredReason } from '../../../src-shared/detect/login-score.js';

/** Raw model outputs of every row of a pass. */
export interface RawPassScores {
  forest: Float64Array;
  autoencoder: Float64Array;
}

const rowsPerCommit = 50_000;

/**
 * Combine the components of every event into risk, level and decision, with reasons, and store them.
 * Each row goes through the same `componentScores` and `composeScore` as a live login, so batch and
 * event-by-event scoring agree exactly.
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
  const insert = prepareScoreInsert(db);
  const risks = new Float64Array(pass.count);
  const forestNotes = explainForest(pass, models, raw);
  const used = modelUse(models);
  db.exec('BEGIN');
  try {
    for (let row = 0; row < pass.count; row++) {
      const components = componentScores(pass.rules[row], { userRisk: pass.userRisk[row], forest: raw.forest[row], autoencoder: raw.autoencoder[row] }, models);
      const score = composeScore(pass.findings.get(row) ?? [], components, { freemanTop: pass.userRiskTop[row], forest: forestNotes.get(row) ?? null }, settings, used);
      risks[row] = score.risk;
      insert({
        run_id: runId,
        event_id: pass.eventIds[row],
        risk: score.risk,
        level: score.level,
        decision: score.decision,
        rules: components.rules,
        freeman: components.freeman,
        forest: components.forest,
        autoencoder: components.autoencoder,
        reasons: JSON.stringify(score.reasons),
      });
      if ((row + 1) % rowsPerCommit === 0) {
        db.exec('COMMIT');
        onProgress(row + 1);
        db.exec('BEGIN');
      }
    }
    db.exec('COMMIT');
    onProgress(pass.count);
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
  return risks;
}

/** The forest's explanation of the rows it finds most isolated, by row. */
function explainForest(pass: AssessmentPass, models: TrainedModels, raw: RawPassScores): Map<number, string> {
  const notes = new Map<number, string>();
  if (!models.forest) return notes;
  const rows: number[] = [];
  const percentiles: number[] = [];
  for (let row = 0; row < pass.count; row++) {
    const forest = componentScores(0, { userRisk: 0, forest: raw.forest[row], autoencoder: 0 }, models).forest;
    if (forest >= explainAbove) {
      rows.push(row);
      percentiles.push(forest);
    }
  }
  const texts = explainForestRows(models.forest, pass.features.values, rows, percentiles);
  rows.forEach((row, index) => notes.set(row, texts[index]));
  return notes;
}
