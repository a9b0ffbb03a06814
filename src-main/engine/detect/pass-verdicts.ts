import { decisions, riskLevels, type DecisionSettings } from '../../../src-shared/detect/ensemble.js';
import { explainAbove, explainForestRows, composeScore, type StoredReason } from '../../../src-shared/detect/login-score.js';
import { componentScores, forestComponent, modelUse, type TrainedModels } from '../../../src-shared/detect/login-scorer.js';
import type { Finding } from '../../../src-shared/detect/rules.js';
import type { AssessmentPass } from './assessment-pass.js';

/** Raw model outputs of every row of a pass. */
export interface RawPassScores {
  forest: Float64Array;
  autoencoder: Float64Array;
}

/** The components of a verdict, in the order of `PassVerdicts.components`' columns. */
export const verdictComponents = ['rules', 'freeman', 'forest', 'autoencoder'] as const;

/** The verdict on every row of a pass, as flat arrays (rows in the pass's order). */
export interface PassVerdicts {
  count: number;
  risk: Float64Array;
  /** Index into `riskLevels`. */
  level: Uint8Array;
  /** Index into `decisions`. */
  decision: Uint8Array;
  /** Rows × 4, columns as `verdictComponents`. */
  components: Float64Array;
  /** The reasons of the rows that have any, by row. */
  reasons: Map<number, StoredReason[]>;
}

const noFindings: readonly Finding[] = [];

/**
 * Combine the components of every row of a pass into risk, level and decision, with reasons. Each row
 * goes through the same `componentScores` and `composeScore` as a live login, so batch and
 * event-by-event scoring agree exactly.
 */
export function judgePass(pass: AssessmentPass, models: TrainedModels, raw: RawPassScores, settings: DecisionSettings): PassVerdicts {
  const count = pass.count;
  const verdicts: PassVerdicts = {
    count,
    risk: new Float64Array(count),
    level: new Uint8Array(count),
    decision: new Uint8Array(count),
    components: new Float64Array(count * verdictComponents.length),
    reasons: new Map(),
  };
  const forestNotes = explainForest(pass, models, raw);
  const used = modelUse(models);
  const modelScores = { userRisk: 0, forest: 0, autoencoder: 0 };
  for (let row = 0; row < count; row++) {
    modelScores.userRisk = pass.userRisk[row];
    modelScores.forest = raw.forest[row];
    modelScores.autoencoder = raw.autoencoder[row];
    const components = componentScores(pass.rules[row], modelScores, models);
    const score = composeScore(pass.findings.get(row) ?? noFindings, components, { freemanTop: pass.userRiskTop[row], forest: forestNotes.get(row) ?? null }, settings, used);
    verdicts.risk[row] = score.risk;
    verdicts.level[row] = riskLevels.indexOf(score.level);
    verdicts.decision[row] = decisions.indexOf(score.decision);
    const at = row * verdictComponents.length;
    verdicts.components[at] = components.rules;
    verdicts.components[at + 1] = components.freeman;
    verdicts.components[at + 2] = components.forest;
    verdicts.components[at + 3] = components.autoencoder;
    if (score.reasons.length > 0) verdicts.reasons.set(row, score.reasons);
  }
  return verdicts;
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
