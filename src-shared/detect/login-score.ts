import { decide, type ComponentScores, type DecisionSettings, type Decision, type ModelUse, type RiskLevel } from './ensemble.js';
import { describeFeature, featureCount } from './features.js';
import { featureContributions } from './isolation-forest-explain.js';
import type { IsolationForest } from './isolation-forest.js';
import type { Finding } from './rules.js';

/** A reason as stored with a score: a rule finding or a model's explanation. */
export interface StoredReason {
  rule: string;
  severity: number;
  reason: string;
}

/** The verdict on one login: risk 0–100, level, decision, the components and the reasons. */
export interface LoginScore {
  risk: number;
  level: RiskLevel;
  decision: Decision;
  components: ComponentScores;
  reasons: StoredReason[];
}

/** Percentile above which a model's opinion is worth a reason. */
export const explainAbove = 0.99;

/** What the models say beyond their percentiles, for the reasons. */
export interface ModelNotes {
  /** The largest term of the statistical risk ('' when none). */
  freemanTop: string;
  /** The forest's explanation of this row, when it is among the most isolated (see `explainForestRow`). */
  forest: string | null;
}

/** Combine a login's rule findings and model percentiles into its score, with every reason. */
export function composeScore(findings: readonly Finding[], components: ComponentScores, notes: ModelNotes, settings: DecisionSettings, used: ModelUse): LoginScore {
  const { risk, level, decision } = decide(components, settings, used);
  const reasons: StoredReason[] = findings.map((finding) => ({ rule: finding.rule, severity: finding.severity, reason: finding.reason }));
  if (components.freeman >= explainAbove) {
    reasons.push({ rule: 'statistical_risk', severity: components.freeman, reason: `rare for this user: ${notes.freemanTop || 'several facts'} (${percentText(components.freeman)})` });
  }
  if (notes.forest) reasons.push({ rule: 'isolation_forest', severity: components.forest, reason: notes.forest });
  if (components.autoencoder >= explainAbove) {
    reasons.push({ rule: 'autoencoder', severity: components.autoencoder, reason: `unlike the learned patterns (${percentText(components.autoencoder)})` });
  }
  return { risk, level, decision, components, reasons };
}

/** "higher than 99.5% of logins". */
export function percentText(value: number): string {
  return `higher than ${(value * 100).toFixed(value >= 0.999 ? 2 : 1)}% of logins`;
}

/**
 * The forest's explanation of rows it finds most isolated (percentile ≥ `explainAbove`): the two features
 * that isolated each. `rows` index into `features` (rows × featureCount); the answer is by position in `rows`.
 */
export function explainForestRows(forest: IsolationForest, features: Float64Array, rows: readonly number[], percentiles: readonly number[]): string[] {
  const subset = new Float64Array(rows.length * featureCount);
  rows.forEach((row, index) => subset.set(features.subarray(row * featureCount, (row + 1) * featureCount), index * featureCount));
  const contributions = featureContributions(forest, { values: subset, rows: rows.length, columns: featureCount });
  return rows.map((_, index) => {
    const shares = Array.from(contributions.subarray(index * featureCount, (index + 1) * featureCount), (share, column) => ({ share, column }))
      .sort((a, b) => b.share - a.share || a.column - b.column)
      .slice(0, 2)
      .filter((entry) => entry.share > 0);
    const values = features.subarray(rows[index] * featureCount, (rows[index] + 1) * featureCount);
    return `isolated by ${shares.map((entry) => `${describeFeature(entry.column, values[entry.column])} (${(entry.share * 100).toFixed(0)}%)`).join(', ')}; ${percentText(percentiles[index])}`;
  });
}
