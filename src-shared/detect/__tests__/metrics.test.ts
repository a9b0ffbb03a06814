import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random.js';
import { precisionRecallCurve, rocCurve, thinCurve } from '../metric-curves.js';
import { averagePrecision, confusionAt, recallAtFalsePositiveRate, rocAuc, sortByClass } from '../metrics.js';
import { encodeLabels, evaluateDetection } from '../metrics-by-label.js';

/** Pairwise AUC, the definition itself: O(P·N). */
function pairwiseAuc(positives: number[], negatives: number[]): number {
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}

describe('rocAuc', () => {
  it('counts ties half', () => {
    // Pairs: 0.9>0.8, 0.9>0.1, 0.8=0.8 (half), 0.8>0.1 → 3.5 / 4.
    expect(rocAuc(sortByClass([0.9, 0.8, 0.8, 0.1], [1, 1, 0, 0]))).toBe(0.875);
  });

  it('equals the pairwise definition on random scores with many ties, and NaN counts as −∞', () => {
    const random = createRandom(3);
    const scores = Array.from({ length: 600 }, () => random.integer(20));
    const labels = scores.map((score) => (random.chance(0.2 + score / 40) ? 1 : 0));
    scores[5] = NaN;
    const positives = scores.filter((_, i) => labels[i]).map((score) => (Number.isNaN(score) ? -Infinity : score));
    const negatives = scores.filter((_, i) => !labels[i]).map((score) => (Number.isNaN(score) ? -Infinity : score));
    expect(rocAuc(sortByClass(scores, labels))).toBeCloseTo(pairwiseAuc(positives, negatives), 12);
  });

  it('is NaN without one of the classes', () => {
    expect(rocAuc(sortByClass([1, 2], [1, 1]))).toBeNaN();
  });
});

describe('averagePrecision', () => {
  it('treats tied scores as one threshold', () => {
    // Scores 3 (attack) | 2 (attack), 2 (normal) | 1 (normal): 1/2·1/1 + 1/2·2/3.
    expect(averagePrecision(sortByClass([3, 2, 2, 1], [1, 1, 0, 0]))).toBeCloseTo(0.5 + 1 / 3, 15);
    expect(averagePrecision(sortByClass([1, 2, 3], [1, 1, 1]))).toBe(1);
    expect(averagePrecision(sortByClass([1, 2], [0, 0]))).toBeNaN();
  });
});

describe('recallAtFalsePositiveRate and confusionAt', () => {
  // Negatives 0.00 .. 0.99; at 1% the threshold is the second highest negative, 0.98.
  const negatives = Array.from({ length: 100 }, (_, i) => i / 100);
  const positives = [0.5, 0.98, 0.985, 1.5];
  const sorted = sortByClass([...negatives, ...positives], [...negatives.map(() => 0), ...positives.map(() => 1)]);

  it('fires for scores above the k-th highest negative, k = floor(rate × negatives)', () => {
    expect(recallAtFalsePositiveRate(sorted, 0.01)).toBe(0.5);
    expect(recallAtFalsePositiveRate(sorted, 0.005)).toBe(0.25); // k = 0: above the highest negative
    expect(recallAtFalsePositiveRate(sorted, 1)).toBe(1); // k = n: threshold −∞
  });

  it('counts outcomes for score > threshold', () => {
    expect(confusionAt(sorted, 0.98)).toEqual({ truePositives: 2, falsePositives: 1, trueNegatives: 99, falseNegatives: 2 });
  });
});

describe('curves', () => {
  const random = createRandom(9);
  const labels = Array.from({ length: 20_000 }, () => (random.chance(0.1) ? 1 : 0));
  const scores = labels.map((label) => random.normal() + label * 1.5);
  const sorted = sortByClass(scores, labels);

  it('draws ROC from (0,0) to (1,1), monotone, at most 200 points', () => {
    const curve = rocCurve(sorted);
    expect(curve.length).toBeLessThanOrEqual(200);
    expect(curve.length).toBeGreaterThan(150);
    expect(curve[0]).toEqual({ threshold: Infinity, falsePositiveRate: 0, truePositiveRate: 0 });
    expect(curve[curve.length - 1]).toMatchObject({ falsePositiveRate: 1, truePositiveRate: 1 });
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i].falsePositiveRate).toBeGreaterThanOrEqual(curve[i - 1].falsePositiveRate);
      expect(curve[i].truePositiveRate).toBeGreaterThanOrEqual(curve[i - 1].truePositiveRate);
      expect(curve[i].threshold).toBeLessThan(curve[i - 1].threshold);
    }
  });

  it('draws precision–recall from recall 0 to 1, ending at the base rate', () => {
    const curve = precisionRecallCurve(sorted, 50);
    expect(curve.length).toBeLessThanOrEqual(50);
    expect(curve[0]).toMatchObject({ recall: 0, precision: 1 });
    const last = curve[curve.length - 1];
    expect(last.recall).toBe(1);
    expect(last.precision).toBeCloseTo(sorted.positives.length / labels.length, 12);
  });

  it('keeps every point of a short curve and the ends of a long one', () => {
    const x = Float64Array.from({ length: 1000 }, (_, i) => i / 999);
    const y = x.map(Math.sqrt);
    expect(thinCurve(x.subarray(0, 10), y.subarray(0, 10), 200)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const thinned = thinCurve(x, y, 20);
    expect(thinned.length).toBeLessThanOrEqual(20);
    expect(thinned.length).toBeGreaterThan(15);
    expect(thinned[0]).toBe(0);
    expect(thinned[thinned.length - 1]).toBe(999);
  });
});

describe('evaluateDetection', () => {
  it('breaks quality down per attack type, each against all normal rows', () => {
    const labels = ['normal', 'normal', 'normal', 'normal', 'brute-force', 'brute-force', 'takeover'];
    const scores = [0.1, 0.2, 0.3, 0.9, 0.95, 0.25, 0.3];
    const quality = evaluateDetection(scores, encodeLabels(labels));
    expect(quality.events).toBe(7);
    expect(quality.attacks).toBe(3);
    expect(Object.keys(quality.perType)).toEqual(['brute-force', 'takeover']);
    // brute-force: 0.95 beats all 4; 0.25 beats 2 → 6/8. takeover: 0.3 beats 2, ties 1 → 2.5/4.
    expect(quality.perType['brute-force']).toEqual({ count: 2, auc: 0.75, recallAtFalsePositiveRate: 0.5 });
    expect(quality.perType.takeover.auc).toBe(0.625);
    expect(quality.auc).toBeCloseTo(pairwiseAuc([0.95, 0.25, 0.3], [0.1, 0.2, 0.3, 0.9]), 15);
  });
});
