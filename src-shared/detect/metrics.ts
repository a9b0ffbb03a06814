/**
 * Detection-quality metrics, computed exactly as /work/shared/tools/score.py (the project's reference)
 * computes them. Higher score = more suspicious. A NaN score counts as −∞ (never detected), as a row
 * missing from a scores file does there.
 *
 * Everything works on the scores of the positives and of the negatives, each sorted ascending
 * (typed-array sorts, no comparator, no per-row objects): O(n log n), fine for millions of rows.
 */

/** Scores split by ground truth, each side sorted ascending. */
export interface SortedScores {
  positives: Float64Array;
  negatives: Float64Array;
}

/** Split `scores` by `positive` (1/true = attack, 0/false = normal) and sort each side ascending. */
export function sortByClass(scores: ArrayLike<number>, positive: ArrayLike<number | boolean>): SortedScores {
  if (scores.length !== positive.length) throw new Error(`${scores.length} scores for ${positive.length} labels.`);
  let positiveCount = 0;
  for (let i = 0; i < positive.length; i++) if (positive[i]) positiveCount++;
  const positives = new Float64Array(positiveCount);
  const negatives = new Float64Array(scores.length - positiveCount);
  // Next free slot on each side.
  let positiveAt = 0;
  let negativeAt = 0;
  for (let i = 0; i < scores.length; i++) {
    const score = Number.isNaN(scores[i]) ? -Infinity : scores[i];
    if (positive[i]) positives[positiveAt++] = score;
    else negatives[negativeAt++] = score;
  }
  return { positives: positives.sort(), negatives: negatives.sort() };
}

/**
 * ROC AUC by Mann–Whitney: the average rank of the positives among all scores, ties sharing their
 * average rank (so a tied pair counts half). NaN when either class is empty.
 */
export function rocAuc({ positives, negatives }: SortedScores): number {
  const positiveCount = positives.length;
  const negativeCount = negatives.length;
  if (positiveCount === 0 || negativeCount === 0) return NaN;
  let rankSum = 0;
  // Cursors into each side: everything before them is already ranked.
  let positiveAt = 0;
  let negativeAt = 0;
  // Walk the merged ascending order one distinct value at a time; `before` items precede the group.
  while (positiveAt < positiveCount || negativeAt < negativeCount) {
    const value = Math.min(positiveAt < positiveCount ? positives[positiveAt] : Infinity, negativeAt < negativeCount ? negatives[negativeAt] : Infinity);
    const before = positiveAt + negativeAt;
    const groupPositives = positiveAt;
    while (positiveAt < positiveCount && positives[positiveAt] === value) positiveAt++;
    while (negativeAt < negativeCount && negatives[negativeAt] === value) negativeAt++;
    const averageRank = (before + positiveAt + negativeAt + 1) / 2; // mean of the 1-based ranks before+1 .. positiveAt+negativeAt
    rankSum += averageRank * (positiveAt - groupPositives);
  }
  return (rankSum - (positiveCount * (positiveCount + 1)) / 2) / (positiveCount * negativeCount);
}

/**
 * Average precision: the sum over thresholds of (recall gained) × (precision there), walking the scores
 * from highest to lowest with tied scores forming one threshold. NaN when there are no positives.
 */
export function averagePrecision({ positives, negatives }: SortedScores): number {
  const positiveCount = positives.length;
  if (positiveCount === 0) return NaN;
  let precisionSum = 0;
  // Cursors walking each side from its highest score down.
  let positiveAt = positiveCount - 1;
  let negativeAt = negatives.length - 1;
  let truePositives = 0;
  while (positiveAt >= 0 || negativeAt >= 0) {
    const value = Math.max(positiveAt >= 0 ? positives[positiveAt] : -Infinity, negativeAt >= 0 ? negatives[negativeAt] : -Infinity);
    const group = positiveAt;
    while (positiveAt >= 0 && positives[positiveAt] === value) positiveAt--;
    while (negativeAt >= 0 && negatives[negativeAt] === value) negativeAt--;
    const newPositives = group - positiveAt;
    const seen = positiveCount - 1 - positiveAt + (negatives.length - 1 - negativeAt);
    if (newPositives > 0) {
      truePositives += newPositives;
      precisionSum += (newPositives / positiveCount) * (truePositives / seen);
    }
  }
  return precisionSum;
}

/**
 * The alert threshold that lets through a share `rate` of the negatives: the negatives sorted
 * descending, k = floor(rate × count), threshold = the k-th of them (−∞ if k reaches the end).
 * Alerts fire for score > threshold.
 */
export function thresholdAtFalsePositiveRate(negatives: Float64Array, rate: number): number {
  const k = Math.floor(rate * negatives.length);
  return k < negatives.length ? negatives[negatives.length - 1 - k] : -Infinity;
}

/** Recall (share of positives with score > threshold) at the threshold for false-positive rate `rate`. */
export function recallAtFalsePositiveRate({ positives, negatives }: SortedScores, rate: number): number {
  if (positives.length === 0 || negatives.length === 0) return NaN;
  const threshold = thresholdAtFalsePositiveRate(negatives, rate);
  return (positives.length - countAtMost(positives, threshold)) / positives.length;
}

/** Outcome counts when alerts fire for score > threshold. */
export interface ConfusionCounts {
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
}

/** Confusion counts at `threshold` (alert when score > threshold, as score.py). */
export function confusionAt({ positives, negatives }: SortedScores, threshold: number): ConfusionCounts {
  const missed = countAtMost(positives, threshold);
  const quiet = countAtMost(negatives, threshold);
  return {
    truePositives: positives.length - missed,
    falsePositives: negatives.length - quiet,
    trueNegatives: quiet,
    falseNegatives: missed,
  };
}

/** How many values of an ascending array are <= limit (binary search). */
export function countAtMost(sorted: Float64Array, limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] <= limit) low = middle + 1;
    else high = middle;
  }
  return low;
}
