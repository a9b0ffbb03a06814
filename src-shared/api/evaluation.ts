import type { PrecisionRecallPoint, RocPoint } from '../detect/metric-curves.js';

export type { PrecisionRecallPoint, RocPoint } from '../detect/metric-curves.js';

/** The ground-truth label of benign events; every other label is an attack type. */
export const normalLabel = 'normal';

/** Buckets of the score distribution: one per whole risk point, 0 … 100. */
export const riskBins = 101;

/** How well one attack type is separated from the normal events. */
export interface TypeQuality {
  label: string;
  count: number;
  auc: number;
  /** Share of this type's events caught when 1% of normal events alert. */
  recallAtOnePercent: number;
}

/** How well the risk separates attacks from normal events (needs both in the labels). */
export interface RunQuality {
  /** ROC AUC: the chance a random attack scores above a random normal event. */
  auc: number;
  averagePrecision: number;
  /** Share of attacks caught when 1% of normal events alert. */
  recallAtOnePercent: number;
  perType: TypeQuality[];
}

/** Events per whole risk point (index = floor(risk), 0 … 100), split by ground truth. */
export interface ScoreDistribution {
  normal: number[];
  attack: number[];
  unlabelled: number[];
}

/** A run measured against the labels in the data, computed on demand from its scores. */
export interface RunEvaluation {
  runId: number;
  /** Events the run scored. */
  events: number;
  labelled: number;
  attacks: number;
  unlabelled: number;
  /** Null unless the labels hold both normal events and attacks. */
  quality: RunQuality | null;
  roc: RocPoint[];
  precisionRecall: PrecisionRecallPoint[];
  distribution: ScoreDistribution;
}

/** Outcomes when every event with risk ≥ threshold alerts. */
export interface Confusion {
  threshold: number;
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
  /** NaN when nothing alerts. */
  precision: number;
  /** NaN without attacks. */
  recall: number;
  /** NaN without normal events. */
  falsePositiveRate: number;
}

/**
 * The confusion table when events with risk ≥ `threshold` alert, read off the distribution. Exact for a
 * whole-number threshold, since risk ≥ t exactly when floor(risk) ≥ t; so a slider needs no round trip.
 */
export function confusionAt(distribution: ScoreDistribution, threshold: number): Confusion {
  const from = Math.max(0, Math.min(riskBins, Math.ceil(threshold)));
  const sum = (bins: number[], start: number, end: number): number => {
    let total = 0;
    for (let bin = start; bin < end; bin++) total += bins[bin] ?? 0;
    return total;
  };
  const truePositives = sum(distribution.attack, from, riskBins);
  const falseNegatives = sum(distribution.attack, 0, from);
  const falsePositives = sum(distribution.normal, from, riskBins);
  const trueNegatives = sum(distribution.normal, 0, from);
  return {
    threshold,
    truePositives,
    falsePositives,
    trueNegatives,
    falseNegatives,
    precision: truePositives / (truePositives + falsePositives),
    recall: truePositives / (truePositives + falseNegatives),
    falsePositiveRate: falsePositives / (falsePositives + trueNegatives),
  };
}
