/**
 * Isolation Forest scoring speed: Vigil's forest against scikit-learn's IsolationForest (Debian's
 * python3-sklearn) on the same seeded matrix in the same run, both single-threaded, 100 trees of 256
 * samples. Only scoring is timed (best of three); training time is shown for information. The bar is
 * a scoring ratio of at least 2×. Also prints the Spearman correlation of the two score vectors.
 *
 *   node --import tsx bench/isolation-forest.ts                      # 200,000 × 12
 *   node --import tsx bench/isolation-forest.ts --rows 500000 --columns 8
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { scoreSamples, trainIsolationForest, type Matrix } from '../src-shared/detect/isolation-forest.js';
import { spearmanCorrelation } from '../src-shared/detect/rank-correlation.js';
import { createRandom } from '../src-shared/random.js';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '200000' }, columns: { type: 'string', default: '12' }, seed: { type: 'string', default: '7' } },
});
const rows = Number(values.rows);
const columns = Number(values.columns);
const seed = Number(values.seed);
const python = '/usr/bin/python3';
const dataDirectory = join(resolve(import.meta.dirname, '..'), 'bench', '.data');
mkdirSync(dataDirectory, { recursive: true });

// scikit-learn's side: read the matrix, fit, time score_samples (best of 3), write the scores.
const sklearnScript = `
import json, sys, time
import numpy as np
from sklearn.ensemble import IsolationForest
rows, columns = int(sys.argv[2]), int(sys.argv[3])
data = np.fromfile(sys.argv[1], dtype='<f8').reshape(rows, columns)
started = time.perf_counter()
forest = IsolationForest(n_estimators=100, max_samples=256, random_state=0, n_jobs=1).fit(data)
train = time.perf_counter() - started
best = float('inf')
for _ in range(3):
    started = time.perf_counter()
    scores = forest.score_samples(data)
    best = min(best, time.perf_counter() - started)
scores.astype('<f8').tofile(sys.argv[4])
# Another seed: how well scikit-learn agrees with itself, the reference for the correlation below.
IsolationForest(n_estimators=100, max_samples=256, random_state=1, n_jobs=1).fit(data).score_samples(data).astype('<f8').tofile(sys.argv[5])
import sklearn
print(json.dumps({"train": train, "score": best, "version": sklearn.__version__}))
`;

/** A seeded matrix with mixed shapes (normal, correlated, skewed, clustered) and 0.5% outliers. */
function makeMatrix(): Matrix {
  const random = createRandom(seed);
  const matrix = new Float64Array(rows * columns);
  for (let row = 0; row < rows; row++) {
    const outlier = random.chance(0.005);
    for (let column = 0; column < columns; column++) {
      const base = random.normal();
      let value: number;
      if (column % 4 === 0) value = base;
      else if (column % 4 === 1) value = 0.7 * matrix[row * columns + column - 1] + 0.7 * base;
      else if (column % 4 === 2) value = -Math.log(1 - random.next());
      else value = (random.chance(0.5) ? -3 : 3) + 0.5 * base;
      matrix[row * columns + column] = outlier ? value + (random.chance(0.5) ? 6 : -6) : value;
    }
  }
  return { values: matrix, rows, columns };
}

function ensureSklearn(): void {
  if (spawnSync(python, ['-c', 'import sklearn']).status === 0) return;
  console.log('installing Debian python3-sklearn for the reference…');
  execFileSync('bash', ['-c', 'apt-get update -qq && apt-get install -y -qq python3-sklearn >/dev/null'], { stdio: 'inherit' });
}

function bestSeconds(run: () => void, rounds = 3): number {
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const started = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
  }
  return best;
}

ensureSklearn();
const matrix = makeMatrix();
const matrixFile = join(dataDirectory, `iforest-${rows}x${columns}-seed${seed}.f64`);
const scoresFile = join(dataDirectory, `iforest-${rows}x${columns}-seed${seed}.sklearn-scores.f64`);
const otherSeedFile = join(dataDirectory, `iforest-${rows}x${columns}-seed${seed}.sklearn-scores-seed1.f64`);
writeFileSync(matrixFile, new Uint8Array(matrix.values.buffer));

console.log(`scikit-learn: fitting and scoring ${rows.toLocaleString('en-US')} × ${columns}…`);
// One thread for the BLAS/OpenMP pools too, so the comparison is core against core.
const singleThread = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
const output = execFileSync(python, ['-c', sklearnScript, matrixFile, String(rows), String(columns), scoresFile, otherSeedFile], { env: singleThread, encoding: 'utf8' });
const sklearn = JSON.parse(output.trim().split('\n').pop() as string) as { train: number; score: number; version: string };
const readScores = (path: string): Float64Array => {
  const bytes = readFileSync(path);
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
};
const sklearnScores = readScores(scoresFile);
const sklearnSelf = spearmanCorrelation(sklearnScores, readScores(otherSeedFile));

console.log('Vigil: fitting and scoring…');
let forest = trainIsolationForest(matrix, { seed: 0 });
const vigilTrain = bestSeconds(() => (forest = trainIsolationForest(matrix, { seed: 0 })), 1);
let vigilScores = new Float64Array(0);
const vigilScore = bestSeconds(() => (vigilScores = scoreSamples(forest, matrix)));
const correlation = spearmanCorrelation(vigilScores, sklearnScores);

const rate = (seconds: number): string => Math.round(rows / seconds).toLocaleString('en-US').padStart(12);
const ratio = sklearn.score / vigilScore;
console.log(`\nIsolation Forest scoring, ${rows.toLocaleString('en-US')} rows × ${columns} features, 100 trees × 256 samples, one thread`);
console.log(`${'implementation'.padEnd(26)}${'score rows/s'.padStart(12)}${'train s'.padStart(10)}`);
console.log(`${'Vigil (TypeScript)'.padEnd(26)}${rate(vigilScore)}${vigilTrain.toFixed(3).padStart(10)}`);
console.log(`${`scikit-learn ${sklearn.version}`.padEnd(26)}${rate(sklearn.score)}${sklearn.train.toFixed(3).padStart(10)}`);
console.log(`ratio Vigil / scikit-learn: ${ratio.toFixed(2)}×  (bar: ≥ 2×) ${ratio >= 2 ? 'PASS' : 'FAIL'}`);
console.log(`Spearman correlation Vigil vs scikit-learn: ${correlation.toFixed(4)}  (scikit-learn seed 0 vs seed 1: ${sklearnSelf.toFixed(4)})`);
