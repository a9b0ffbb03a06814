import { describe, expect, it } from 'vitest';
import { confusionAt, riskBins, type ScoreDistribution } from '../evaluation.js';

function distribution(normal: number[], attack: number[]): ScoreDistribution {
  const bins = (risks: number[]): number[] => {
    const counts = Array<number>(riskBins).fill(0);
    for (const risk of risks) counts[Math.floor(risk)]++;
    return counts;
  };
  return { normal: bins(normal), attack: bins(attack), unlabelled: Array<number>(riskBins).fill(0) };
}

describe('the confusion table read off the score distribution', () => {
  it('counts risk ≥ threshold as an alert, exactly at whole thresholds', () => {
    const scores = distribution([1, 12.5, 39.99, 40, 70], [39.5, 40, 88, 100]);
    expect(confusionAt(scores, 40)).toMatchObject({ truePositives: 3, falseNegatives: 1, falsePositives: 2, trueNegatives: 3 });
    const at = confusionAt(scores, 40);
    expect(at.precision).toBeCloseTo(3 / 5);
    expect(at.recall).toBeCloseTo(3 / 4);
    expect(at.falsePositiveRate).toBeCloseTo(2 / 5);
    expect(confusionAt(scores, 0)).toMatchObject({ truePositives: 4, falsePositives: 5, trueNegatives: 0, falseNegatives: 0 });
    expect(confusionAt(scores, 101)).toMatchObject({ truePositives: 0, falsePositives: 0 });
    expect(Number.isNaN(confusionAt(scores, 101).precision)).toBe(true);
  });
});
