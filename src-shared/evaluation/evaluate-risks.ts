import { normalLabel, riskBins, type RunEvaluation, type RunQuality } from '../api/evaluation.js';
import { precisionRecallCurve, rocCurve } from '../detect/metric-curves.js';
import { evaluateDetection } from '../detect/metrics-by-label.js';
import { sortByClass } from '../detect/metrics.js';

/**
 * A run's risks measured against ground truth: `codes[i]` indexes `labels` (−1: no label). Normal events
 * against every other label, as score.py measures; curves and figures only when both classes exist.
 * Typed arrays throughout: one pass to split, typed-array sorts, so a million events take well under a second.
 */
export function evaluateRisks(runId: number, risks: Float64Array, codes: Int32Array, labels: readonly string[]): RunEvaluation {
  const normalCode = labels.indexOf(normalLabel);
  const distribution = { normal: Array<number>(riskBins).fill(0), attack: Array<number>(riskBins).fill(0), unlabelled: Array<number>(riskBins).fill(0) };
  let labelled = 0;
  let attacks = 0;
  for (let row = 0; row < risks.length; row++) {
    const bin = Math.min(riskBins - 1, Math.max(0, Math.floor(risks[row])));
    const code = codes[row];
    if (code < 0) distribution.unlabelled[bin]++;
    else if (code === normalCode) distribution.normal[bin]++;
    else distribution.attack[bin]++;
    if (code >= 0) labelled++;
    if (code >= 0 && code !== normalCode) attacks++;
  }
  const labelledRisks = new Float64Array(labelled);
  const labelledCodes = new Int32Array(labelled);
  const positive = new Uint8Array(labelled);
  let at = 0;
  for (let row = 0; row < risks.length; row++) {
    if (codes[row] < 0) continue;
    labelledRisks[at] = risks[row];
    labelledCodes[at] = codes[row];
    positive[at] = codes[row] === normalCode ? 0 : 1;
    at++;
  }
  const both = attacks > 0 && labelled - attacks > 0;
  const sorted = both ? sortByClass(labelledRisks, positive) : null;
  return {
    runId,
    events: risks.length,
    labelled,
    attacks,
    unlabelled: risks.length - labelled,
    quality: both ? quality(labelledRisks, labelledCodes, labels) : null,
    roc: sorted ? rocCurve(sorted) : [],
    precisionRecall: sorted ? precisionRecallCurve(sorted) : [],
    distribution,
  };
}

function quality(risks: Float64Array, codes: Int32Array, labels: readonly string[]): RunQuality {
  const figures = evaluateDetection(risks, { codes, names: [...labels] }, normalLabel);
  return {
    auc: figures.auc,
    averagePrecision: figures.averagePrecision,
    recallAtOnePercent: figures.recallAtFalsePositiveRate,
    perType: Object.entries(figures.perType).map(([label, type]) => ({ label, count: type.count, auc: type.auc, recallAtOnePercent: type.recallAtFalsePositiveRate })),
  };
}
