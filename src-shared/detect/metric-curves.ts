import type { SortedScores } from './metrics.js';

/** A point of a ROC curve: the rates when alerts fire for score >= threshold. */
export interface RocPoint {
  threshold: number;
  falsePositiveRate: number;
  truePositiveRate: number;
}

/** A point of a precision–recall curve when alerts fire for score >= threshold. */
export interface PrecisionRecallPoint {
  threshold: number;
  recall: number;
  precision: number;
}

/**
 * One point per distinct score, highest first, after a starting point at threshold +∞ (index 0):
 * alerting on score >= thresholds[i] yields truePositives[i] and falsePositives[i].
 */
function cumulativeCounts({ positives, negatives }: SortedScores): { thresholds: Float64Array; truePositives: Int32Array; falsePositives: Int32Array; count: number } {
  const capacity = positives.length + negatives.length + 1;
  const thresholds = new Float64Array(capacity);
  const truePositives = new Int32Array(capacity);
  const falsePositives = new Int32Array(capacity);
  thresholds[0] = Infinity;
  let count = 1;
  let positiveAt = positives.length - 1;
  let negativeAt = negatives.length - 1;
  while (positiveAt >= 0 || negativeAt >= 0) {
    const value = Math.max(positiveAt >= 0 ? positives[positiveAt] : -Infinity, negativeAt >= 0 ? negatives[negativeAt] : -Infinity);
    while (positiveAt >= 0 && positives[positiveAt] === value) positiveAt--;
    while (negativeAt >= 0 && negatives[negativeAt] === value) negativeAt--;
    thresholds[count] = value;
    truePositives[count] = positives.length - 1 - positiveAt;
    falsePositives[count] = negatives.length - 1 - negativeAt;
    count++;
  }
  return { thresholds, truePositives, falsePositives, count };
}

/**
 * ROC curve from (0, 0) at threshold +∞ to (1, 1), one point per distinct score, thinned to at most
 * `maxPoints` for drawing. Empty when either class is empty.
 */
export function rocCurve(sorted: SortedScores, maxPoints = 200): RocPoint[] {
  const positiveCount = sorted.positives.length;
  const negativeCount = sorted.negatives.length;
  if (positiveCount === 0 || negativeCount === 0) return [];
  const { thresholds, truePositives, falsePositives, count } = cumulativeCounts(sorted);
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    x[i] = falsePositives[i] / negativeCount;
    y[i] = truePositives[i] / positiveCount;
  }
  return thinCurve(x, y, maxPoints).map((i) => ({ threshold: thresholds[i], falsePositiveRate: x[i], truePositiveRate: y[i] }));
}

/**
 * Precision–recall curve, one point per distinct score from the highest down, starting at
 * (recall 0, precision 1) as is customary, thinned to at most `maxPoints`. Empty without positives.
 */
export function precisionRecallCurve(sorted: SortedScores, maxPoints = 200): PrecisionRecallPoint[] {
  const positiveCount = sorted.positives.length;
  if (positiveCount === 0) return [];
  const { thresholds, truePositives, falsePositives, count } = cumulativeCounts(sorted);
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  y[0] = 1;
  for (let i = 1; i < count; i++) {
    x[i] = truePositives[i] / positiveCount;
    y[i] = truePositives[i] / (truePositives[i] + falsePositives[i]);
  }
  return thinCurve(x, y, maxPoints).map((i) => ({ threshold: thresholds[i], recall: x[i], precision: y[i] }));
}

/**
 * Indices of at most `maxPoints` points of the curve (x[i], y[i]), evenly spaced along its length (not
 * by index: thresholds crowd where the curve barely moves), always keeping the first and the last.
 */
export function thinCurve(x: Float64Array, y: Float64Array, maxPoints: number): number[] {
  const count = x.length;
  if (count <= maxPoints) return Array.from({ length: count }, (_, i) => i);
  if (maxPoints < 2) return maxPoints === 1 ? [0] : [];
  let total = 0;
  for (let i = 1; i < count; i++) total += Math.hypot(x[i] - x[i - 1], y[i] - y[i - 1]);
  const spacing = total / (maxPoints - 1);
  const kept = [0];
  let length = 0;
  let nextLength = spacing;
  for (let i = 1; i < count - 1; i++) {
    length += Math.hypot(x[i] - x[i - 1], y[i] - y[i - 1]);
    // At most maxPoints − 2 interior points: each takes a step of the spacing.
    if (length >= nextLength && kept.length < maxPoints - 1) {
      kept.push(i);
      nextLength = length + spacing;
    }
  }
  kept.push(count - 1);
  return kept;
}
