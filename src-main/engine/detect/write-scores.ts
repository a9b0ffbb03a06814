import { decide, type ComponentScores } from '../../../src-shared/detect/ensemble.js';
import { featureCount, featureNames } from '../../../src-shared/detect/features.js';
import { featureContributions } from '../../../src-shared/detect/isolation-forest-explain.js';
import type { IsolationForest } from '../../../src-shared/detect/isolation-forest.js';
import type { Finding } from '../../../src-shared/detect/rules.js';
import type { CaseDatabase } from '../store/database.js';
import { prepareScoreInsert } from '../store/scores.js';
import type { AssessmentPass } from './assessment-pass.js';
import type { DetectionSettings } from './settings.js';

/** A reason as stored with a score: a rule finding or a model's explanation. */
export interface StoredReason {
  rule: string;
  severity: number;
  reason: string;
}

/** Percentile above which a model's opinion is worth a reason. */
const explainAbove = 0.99;
const rowsPerCommit = 50_000;

/** Combine the components of every event into risk, level and decision, with reasons, and store them. */
export function writeScores(
  db: CaseDatabase,
  runId: number,
  pass: AssessmentPass,
  settings: DetectionSettings,
  percentiles: { freeman: Float64Array; forest: Float64Array; autoencoder: Float64Array },
  forest: IsolationForest | null,
  onProgress: (done: number) => void,
): void {
  const insert = prepareScoreInsert(db);
  const forestReasons = forest ? explainForest(forest, pass, percentiles.forest) : new Map<number, string>();
  db.exec('BEGIN');
  try {
    for (let row = 0; row < pass.count; row++) {
      const components: ComponentScores = {
        rules: pass.rules[row],
        freeman: percentiles.freeman[row],
        forest: percentiles.forest[row],
        autoencoder: percentiles.autoencoder[row],
      };
      const { risk, level, decision } = decide(components, settings);
      const reasons: StoredReason[] = (pass.findings.get(row) ?? []).map((finding: Finding) => ({ ...finding }));
      if (components.freeman >= explainAbove) {
        reasons.push({ rule: 'statistical_risk', severity: components.freeman, reason: `rare for this user: ${pass.userRiskTop[row] || 'several facts'} (${percentText(components.freeman)})` });
      }
      const forestReason = forestReasons.get(row);
      if (forestReason) reasons.push({ rule: 'isolation_forest', severity: components.forest, reason: forestReason });
      if (components.autoencoder >= explainAbove) {
        reasons.push({ rule: 'autoencoder', severity: components.autoencoder, reason: `unlike the learned patterns (${percentText(components.autoencoder)})` });
      }
      insert({
        run_id: runId,
        event_id: pass.eventIds[row],
        risk,
        level,
        decision,
        rules: components.rules,
        freeman: components.freeman,
        forest: components.forest,
        autoencoder: components.autoencoder,
        reasons: JSON.stringify(reasons),
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
}

function percentText(value: number): string {
  return `higher than ${(value * 100).toFixed(value >= 0.999 ? 2 : 1)}% of logins`;
}

/** For the rows the forest finds most isolated, the two features that isolated them. */
function explainForest(forest: IsolationForest, pass: AssessmentPass, percentiles: Float64Array): Map<number, string> {
  const rows: number[] = [];
  for (let row = 0; row < pass.count; row++) if (percentiles[row] >= explainAbove) rows.push(row);
  const subset = new Float64Array(rows.length * featureCount);
  rows.forEach((row, index) => subset.set(pass.features.values.subarray(row * featureCount, (row + 1) * featureCount), index * featureCount));
  const contributions = featureContributions(forest, { values: subset, rows: rows.length, columns: featureCount });
  const reasons = new Map<number, string>();
  rows.forEach((row, index) => {
    const shares = Array.from(contributions.subarray(index * featureCount, (index + 1) * featureCount), (share, column) => ({ share, column }))
      .sort((a, b) => b.share - a.share)
      .slice(0, 2)
      .filter((entry) => entry.share > 0);
    reasons.set(row, `isolated by ${shares.map((entry) => `${featureNames[entry.column]} ${(entry.share * 100).toFixed(0)}%`).join(', ')} (${percentText(percentiles[row])})`);
  });
  return reasons;
}
