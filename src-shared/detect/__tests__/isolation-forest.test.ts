import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random.js';
import { anomalyScores, meanPathLengths, scoreSamples, trainIsolationForest, type Matrix } from '../isolation-forest.js';
import { featureContributions } from '../isolation-forest-explain.js';
import { restoreIsolationForest, saveIsolationForest, type IsolationForestJson } from '../isolation-forest-json.js';
import { averagePathLength } from '../path-length.js';

function randomMatrix(rows: number, columns: number, seed: number): Matrix {
  const random = createRandom(seed);
  const values = new Float64Array(rows * columns);
  for (let i = 0; i < values.length; i++) values[i] = random.normal();
  return { values, rows, columns };
}

/** Depth of every node, walking down from the roots. */
function nodeDepths(json: IsolationForestJson): number[] {
  const depths = new Array<number>(json.feature.length).fill(0);
  for (let node = 0; node < json.feature.length; node++) {
    if (json.feature[node] < 0) continue;
    depths[json.left[node]] = depths[node] + 1;
    depths[json.right[node]] = depths[node] + 1;
  }
  return depths;
}

describe('averagePathLength', () => {
  it('matches c(n) = 2H(n−1) − 2(n−1)/n with the exact small cases', () => {
    expect(averagePathLength(0)).toBe(0);
    expect(averagePathLength(1)).toBe(0);
    expect(averagePathLength(2)).toBe(1);
    expect(averagePathLength(3)).toBeCloseTo(2 * (Math.log(2) + 0.5772156649) - 4 / 3, 14);
    // 2 (ln 255 + 0.5772156649) − 2·255/256
    expect(averagePathLength(256)).toBeCloseTo(10.24477092011685, 12);
  });
});

describe('isolation forest scoring on hand-built trees', () => {
  // Tree 0: x0 <= 5 → leaf of 250; else x1 <= 0 → leaf of 4; else x0 <= 7 → leaf of 1 | leaf of 1.
  // Tree 1: a single leaf holding all 256 samples. Nodes are numbered depth-first, children not adjacent.
  const json: IsolationForestJson = {
    kind: 'isolation-forest',
    version: 1,
    columns: 2,
    trees: 2,
    maxSamples: 256,
    seed: 0,
    roots: [0, 7],
    feature: [0, -1, 1, -1, 0, -1, -1, -1],
    threshold: [5, 0, 0, 0, 7, 0, 0, 0],
    left: [1, -1, 3, -1, 5, -1, -1, -1],
    right: [2, -1, 4, -1, 6, -1, -1, -1],
    size: [256, 250, 6, 4, 2, 1, 1, 256],
  };
  const forest = restoreIsolationForest(json);
  const matrix: Matrix = { values: Float64Array.from([0, 0, 6, -1, 6, 1, 8, 1, 5, 9]), rows: 5, columns: 2 };

  it('gives each row depth + c(leaf size), averaged over trees', () => {
    const c = averagePathLength;
    const expected = [1 + c(250), 2 + c(4), 3, 3, 1 + c(250)].map((tree0) => (tree0 + c(256)) / 2);
    const paths = meanPathLengths(forest, matrix);
    expected.forEach((value, row) => expect(paths[row]).toBeCloseTo(value, 12));
  });

  it('scores 2^(−E(h)/c(256)) and score_samples is its negation', () => {
    const paths = meanPathLengths(forest, matrix);
    const scores = anomalyScores(forest, matrix);
    const samples = scoreSamples(forest, matrix);
    for (let row = 0; row < matrix.rows; row++) {
      expect(scores[row]).toBeCloseTo(2 ** (-paths[row] / 10.24477092011685), 12);
      expect(samples[row]).toBe(-scores[row]);
    }
  });

  it('scores exactly 0.5 when a tree cannot split (two points, or all rows equal)', () => {
    const two = trainIsolationForest({ values: Float64Array.from([0, 1]), rows: 2, columns: 1 }, { seed: 1, trees: 5 });
    expect(Array.from(anomalyScores(two, { values: Float64Array.from([0, 1, 0.5]), rows: 3, columns: 1 }))).toEqual([0.5, 0.5, 0.5]);
    const same = trainIsolationForest({ values: new Float64Array(600).fill(3), rows: 300, columns: 2 }, { seed: 1, trees: 5 });
    expect(same.feature.length).toBe(5); // one leaf per tree
    expect(anomalyScores(same, { values: Float64Array.from([3, 3]), rows: 1, columns: 2 })[0]).toBe(0.5);
  });
});

describe('trainIsolationForest', () => {
  const matrix = randomMatrix(3000, 4, 11);

  it('grows trees on min(256, n) samples with depth at most ceil(log2(256)) = 8', () => {
    const forest = trainIsolationForest(matrix, { seed: 5, trees: 20 });
    const json = saveIsolationForest(forest);
    expect(forest.maxSamples).toBe(256);
    expect(json.roots.map((root) => json.size[root])).toEqual(new Array(20).fill(256));
    expect(Math.max(...nodeDepths(json))).toBe(8);
    // Every split conserves samples: a parent's size is the sum of its children's.
    for (let node = 0; node < json.feature.length; node++) {
      if (json.feature[node] >= 0) expect(json.size[json.left[node]] + json.size[json.right[node]]).toBe(json.size[node]);
    }
    expect(trainIsolationForest({ ...matrix, rows: 100 }, { seed: 5, trees: 3 }).maxSamples).toBe(100);
  });

  it('is reproducible for a seed and differs for another', () => {
    const first = scoreSamples(trainIsolationForest(matrix, { seed: 9, trees: 10 }), matrix);
    const again = scoreSamples(trainIsolationForest(matrix, { seed: 9, trees: 10 }), matrix);
    const other = scoreSamples(trainIsolationForest(matrix, { seed: 10, trees: 10 }), matrix);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('ranks a far-out row first and keeps scores in (0, 1)', () => {
    const values = matrix.values.slice();
    values.set([8, -8, 8, -8], 0);
    const shifted = { ...matrix, values };
    const scores = anomalyScores(trainIsolationForest(shifted, { seed: 2 }), shifted);
    expect(scores.indexOf(Math.max(...scores))).toBe(0);
    expect(scores.every((score) => score > 0 && score < 1)).toBe(true);
  });

  it('rejects a matrix of the wrong width when scoring', () => {
    const forest = trainIsolationForest(matrix, { seed: 1, trees: 2 });
    expect(() => scoreSamples(forest, { values: new Float64Array(3), rows: 1, columns: 3 })).toThrow(/4 columns/);
  });
});

describe('isolation forest JSON', () => {
  it('round-trips exactly: identical scores after save, stringify, parse and restore', () => {
    const matrix = randomMatrix(2000, 6, 3);
    const forest = trainIsolationForest(matrix, { seed: 4 });
    const restored = restoreIsolationForest(JSON.parse(JSON.stringify(saveIsolationForest(forest))) as IsolationForestJson);
    expect(restored.threshold).toEqual(forest.threshold);
    expect(scoreSamples(restored, matrix)).toEqual(scoreSamples(forest, matrix));
  });

  it('refuses other kinds, versions and malformed trees', () => {
    const json = saveIsolationForest(trainIsolationForest(randomMatrix(50, 2, 1), { seed: 1, trees: 2 }));
    expect(() => restoreIsolationForest({ ...json, kind: 'autoencoder' } as unknown as IsolationForestJson)).toThrow(/Not an isolation forest/);
    expect(() => restoreIsolationForest({ ...json, version: 2 } as unknown as IsolationForestJson)).toThrow(/version 2/);
    const looped = { ...json, left: json.left.map((child) => (child > 0 ? 0 : child)) };
    expect(() => restoreIsolationForest(looped)).toThrow(/malformed/);
  });
});

describe('featureContributions', () => {
  it('credits the feature that isolates an outlier, and each row sums to 1', () => {
    const matrix = randomMatrix(2000, 5, 8);
    matrix.values[7 * 5 + 2] = 12; // row 7 is far out on feature 2 only
    const forest = trainIsolationForest(matrix, { seed: 3 });
    const contributions = featureContributions(forest, matrix);
    const row7 = Array.from(contributions.subarray(35, 40));
    expect(row7.indexOf(Math.max(...row7))).toBe(2);
    expect(row7[2]).toBeGreaterThan(0.4);
    for (let row = 0; row < matrix.rows; row += 97) {
      const sum = contributions.subarray(row * 5, row * 5 + 5).reduce((total, value) => total + value, 0);
      expect(sum).toBeCloseTo(1, 12);
    }
  });
});
