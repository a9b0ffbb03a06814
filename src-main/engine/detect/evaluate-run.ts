import { precisionRecallCurve, rocCurve, type PrecisionRecallPoint, type RocPoint } from '../../../src-shared/detect/metric-curves.js';
import { encodeLabels, evaluateDetection, type DetectionQuality } from '../../../src-shared/detect/metrics-by-label.js';
import { sortByClass } from '../../../src-shared/detect/metrics.js';
import type { CaseDatabase } from '../store/database.js';
import { loadLabelledScores, mergeRunMetrics } from '../store/run-evaluation.js';

/** Ground truth's name for benign events (the generator's and score.py's). */
export const normalLabel = 'normal';

/** How well a run's risk separates the labelled attacks from the normal events, with curves to draw. */
export interface RunEvaluation {
  runId: number;
  /** The figures score.py prints, over the labelled events. */
  quality: DetectionQuality;
  /** Events of the run without a label (left out). */
  unlabelled: number;
  roc: RocPoint[];
  precisionRecall: PrecisionRecallPoint[];
  evaluatedAt: number;
}

/**
 * Evaluate a run against the labels stored with the events ('normal' against every other label), as
 * score.py does, and store the figures and curves in the run's metrics under `evaluation`.
 * Null when no scored event carries a label.
 */
export function evaluateRun(db: CaseDatabase, runId: number, now = Date.now()): RunEvaluation | null {
  const rows = loadLabelledScores(db, runId);
  const risks: number[] = [];
  const labels: string[] = [];
  for (const row of rows) {
    if (row.label === null) continue;
    risks.push(row.risk);
    labels.push(row.label);
  }
  if (labels.length === 0) return null;
  const quality = evaluateDetection(risks, encodeLabels(labels), normalLabel);
  const sorted = sortByClass(risks, labels.map((label) => label !== normalLabel));
  const evaluation: RunEvaluation = {
    runId,
    quality,
    unlabelled: rows.length - labels.length,
    roc: rocCurve(sorted),
    precisionRecall: precisionRecallCurve(sorted),
    evaluatedAt: now,
  };
  const { runId: _runId, ...stored } = evaluation;
  mergeRunMetrics(db, runId, { evaluation: stored });
  return evaluation;
}

/** The evaluation as score.py prints it (same layout, same rounding). */
export function formatEvaluation(quality: DetectionQuality): string {
  const lines = [
    `events ${quality.events}  attacks ${quality.attacks}  missing 0`,
    `AUC ${quality.auc.toFixed(4)}  AP ${quality.averagePrecision.toFixed(4)}  recall@1%FPR ${quality.recallAtFalsePositiveRate.toFixed(3)}`,
  ];
  for (const [type, figures] of Object.entries(quality.perType)) {
    lines.push(`  ${type.padEnd(22)} n=${String(figures.count).padStart(6)}  AUC ${figures.auc.toFixed(4)}  recall@1%FPR ${figures.recallAtFalsePositiveRate.toFixed(3)}`);
  }
  return lines.join('\n') + '\n';
}
