import { describe, expect, it } from 'vitest';
import { scoreSamples, trainIsolationForest, type Matrix } from '../isolation-forest.js';
import { averageRanks, spearmanCorrelation } from '../rank-correlation.js';

/** Made by tests/fixtures/make-isolation-forest-fixture.py with scikit-learn's IsolationForest. */
interface SklearnFixture {
  rows: number;
  columns: number;
  outliers: number[];
  values: number[];
  /** score_samples of IsolationForest(random_state=0). */
  scoreSamples: number[];
  meanScore: number;
  /** Mean score_samples over random_state 0..9. */
  scoreSamplesMeanOfSeeds: number[];
  /** Mean Spearman of random_state 1..9 against 0. */
  sklearnSeedSpearman: number;
}

// Imported through a computed specifier so the type-checker does not pull the 140 kB JSON into the
// project (vitest loads JSON itself; src-shared tests may not read files with node:fs).
const fixturePath = './fixtures/isolation-forest-sklearn.json';
const fixture = ((await import(/* @vite-ignore */ fixturePath)) as { default: SklearnFixture }).default;

// The random streams differ, so agreement is statistical: ranks, outliers and the mean score.
const matrix: Matrix = { values: Float64Array.from(fixture.values), rows: fixture.rows, columns: fixture.columns };
const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const perSeed = seeds.map((seed) => scoreSamples(trainIsolationForest(matrix, { seed }), matrix));
const averaged = new Float64Array(matrix.rows);
for (const scores of perSeed) scores.forEach((score, row) => (averaged[row] += score / seeds.length));

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

describe('isolation forest against scikit-learn', () => {
  it('ranks rows like sklearn: Spearman ≥ 0.95 for our scores averaged over ten seeds', () => {
    const correlation = spearmanCorrelation(averaged, fixture.scoreSamples);
    expect(correlation).toBeGreaterThanOrEqual(0.95);
  });

  it('agrees per seed about as well as sklearn agrees with itself across seeds', () => {
    const correlations = perSeed.map((scores) => spearmanCorrelation(scores, fixture.scoreSamples));
    expect(mean(correlations)).toBeGreaterThan(fixture.sklearnSeedSpearman - 0.02);
  });

  it('converges to sklearn when both sides average out their seed noise (Spearman ≥ 0.99)', () => {
    expect(spearmanCorrelation(averaged, fixture.scoreSamplesMeanOfSeeds)).toBeGreaterThanOrEqual(0.99);
  });

  it('puts every planted outlier in the top 3% for both', () => {
    const top = Math.ceil(0.03 * matrix.rows);
    // Ranks ascending: score_samples is lower for more abnormal rows, so rank 1 is the most anomalous.
    const ours = averageRanks(averaged);
    const theirs = averageRanks(fixture.scoreSamples);
    for (const row of fixture.outliers) {
      expect(ours[row]).toBeLessThanOrEqual(top);
      expect(theirs[row]).toBeLessThanOrEqual(top);
    }
  });

  it('has the mean score of sklearn within 0.005 (0.01 per seed, about the spread of sklearn across seeds)', () => {
    expect(Math.abs(mean(averaged) - fixture.meanScore)).toBeLessThan(0.005);
    for (const scores of perSeed) expect(Math.abs(mean(scores) - fixture.meanScore)).toBeLessThan(0.01);
  });
});
