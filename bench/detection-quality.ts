/**
 * Detection quality on generated data the detector was not tuned on: for each seed, generate a labelled
 * RBA file, import it, run Vigil's full ensemble, and score in the same run two baselines:
 *   seed method  — Isolation Forest (ours) on [label-encoded user, label-encoded IP, UTC hour, weekday],
 *                  the approach Vigil replaces;
 *   Vigil forest — Vigil's Isolation Forest alone on the engineered features (its percentile in the run).
 * Prints AUC / AP / recall at 1% FPR overall and AUC / recall per attack type, per seed and on average,
 * with the same definitions as score.py. Data and cases go to bench/.data/ (git-ignored).
 *
 *   node --import tsx bench/detection-quality.ts                                   # seeds 101–103, 200 users × 30 days
 *   node --import tsx bench/detection-quality.ts --seeds 104 --users 500 --days 60
 *   node --import tsx bench/detection-quality.ts --no-autoencoder
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { anomalyScores, trainIsolationForest } from '../src-shared/detect/isolation-forest.js';
import { encodeLabels, evaluateDetection, type DetectionQuality } from '../src-shared/detect/metrics-by-label.js';
import { runDetection } from '../src-main/engine/detect/run-detection.js';
import { generate } from '../src-main/engine/generate/generate.js';
import { defaultOptions } from '../src-main/engine/generate/options.js';
import { importFile } from '../src-main/engine/ingest/importer.js';
import { openCase, type CaseDatabase } from '../src-main/engine/store/database.js';
import { iterateDetectionLogins, loadEventLabels } from '../src-main/engine/store/detection-input.js';
import { loadRunScores } from '../src-main/engine/store/run-evaluation.js';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '101,102,103' },
    users: { type: 'string', default: '200' },
    days: { type: 'string', default: '30' },
    'no-autoencoder': { type: 'boolean', default: false },
  },
});
const seeds = values.seeds.split(',').map(Number);
const users = Number(values.users);
const days = Number(values.days);
const dataDirectory = join(resolve(import.meta.dirname, '..'), 'bench', '.data');
mkdirSync(dataDirectory, { recursive: true });

const methods = ['Vigil ensemble', 'Vigil forest alone', 'seed method'] as const;
type Method = (typeof methods)[number];

/** Generate (once) and import a seed's data into a fresh case. */
async function prepareCase(seed: number): Promise<CaseDatabase> {
  const base = join(dataDirectory, `quality-s${seed}-u${users}-d${days}.csv`);
  if (!existsSync(base)) await generate({ ...defaultOptions, users, days, seed, format: 'rba' }, { eventsPath: base, labelsPath: `${base}.labels.csv` });
  const casePath = `${base}.vigil`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(casePath + suffix, { force: true });
  const db = openCase(casePath);
  await importFile(db, base, { format: 'rba', actor: 'bench' });
  return db;
}

/** The seed method's scores: our Isolation Forest on label-encoded user and IP, UTC hour and weekday. */
function seedMethodScores(db: CaseDatabase, ids: number[], seed: number): Float64Array {
  const logins = [...iterateDetectionLogins(db)];
  const encode = (values: string[]): Map<string, number> => new Map([...new Set(values)].sort().map((value, index) => [value, index]));
  const userCodes = encode(logins.map((login) => login.user));
  const ipCodes = encode(logins.map((login) => login.ip ?? ''));
  const byId = new Map(logins.map((login) => [login.id, login]));
  const values = new Float64Array(ids.length * 4);
  ids.forEach((id, row) => {
    const login = byId.get(id);
    if (!login) throw new Error(`event ${id} missing`);
    const date = new Date(login.time);
    values.set([userCodes.get(login.user) ?? 0, ipCodes.get(login.ip ?? '') ?? 0, date.getUTCHours(), date.getUTCDay()], row * 4);
  });
  const matrix = { values, rows: ids.length, columns: 4 };
  return anomalyScores(trainIsolationForest(matrix, { seed }), matrix);
}

/** Quality of each method on one seed, and the run's phase timings. */
async function measureSeed(seed: number): Promise<{ quality: Record<Method, DetectionQuality>; events: number; seconds: Record<string, number> }> {
  const db = await prepareCase(seed);
  try {
    const run = await runDetection(db, { seed, models: values['no-autoencoder'] ? { autoencoder: false } : {} });
    const scores = loadRunScores(db, run.runId);
    const labels = loadEventLabels(db);
    const ids = scores.map((score) => score.event_id);
    const codes = encodeLabels(ids.map((id) => labels.get(id) ?? 'normal'));
    const quality = {
      'Vigil ensemble': evaluateDetection(scores.map((score) => score.risk), codes),
      'Vigil forest alone': evaluateDetection(scores.map((score) => score.forest), codes),
      'seed method': evaluateDetection(seedMethodScores(db, ids, seed), codes),
    };
    return { quality, events: run.events, seconds: run.seconds };
  } finally {
    db.close();
  }
}

const cell = (auc: number, recall: number): string => `${auc.toFixed(4)} / ${recall.toFixed(3)}`;

/** One table: rows = methods × (overall, each type), columns = seeds and their mean. */
function printTable(results: Record<Method, DetectionQuality>[]): void {
  const types = [...new Set(results.flatMap((result) => Object.keys(result['Vigil ensemble'].perType)))].sort();
  const header = ['method / type'.padEnd(48), ...seeds.map((seed) => `seed ${seed}`.padEnd(17)), 'mean'.padEnd(17), 'min AUC / recall'].join(' ');
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const method of methods) {
    const overall = results.map((result) => result[method]);
    const mean = (pick: (quality: DetectionQuality) => number): number => overall.reduce((sum, quality) => sum + pick(quality), 0) / overall.length;
    const min = (pick: (quality: DetectionQuality) => number): number => Math.min(...overall.map(pick));
    console.log(
      [`${method} (AP ${mean((quality) => quality.averagePrecision).toFixed(3)})`.padEnd(48), ...overall.map((quality) => cell(quality.auc, quality.recallAtFalsePositiveRate).padEnd(17)),
        cell(mean((quality) => quality.auc), mean((quality) => quality.recallAtFalsePositiveRate)).padEnd(17), cell(min((quality) => quality.auc), min((quality) => quality.recallAtFalsePositiveRate))].join(' '),
    );
    for (const type of types) {
      const figures = overall.map((quality) => quality.perType[type]).filter((entry) => entry !== undefined);
      const typeMean = (pick: (entry: (typeof figures)[number]) => number): number => figures.reduce((sum, entry) => sum + pick(entry), 0) / figures.length;
      console.log(
        [`  ${type} (n ${figures.map((entry) => entry.count).join('/')})`.padEnd(48), ...overall.map((quality) => (quality.perType[type] ? cell(quality.perType[type].auc, quality.perType[type].recallAtFalsePositiveRate) : '—').padEnd(17)),
          cell(typeMean((entry) => entry.auc), typeMean((entry) => entry.recallAtFalsePositiveRate)).padEnd(17),
          cell(Math.min(...figures.map((entry) => entry.auc)), Math.min(...figures.map((entry) => entry.recallAtFalsePositiveRate)))].join(' '),
      );
    }
  }
}

const results: Record<Method, DetectionQuality>[] = [];
for (const seed of seeds) {
  const started = performance.now();
  const { quality, events, seconds } = await measureSeed(seed);
  results.push(quality);
  const phases = Object.entries(seconds).map(([phase, value]) => `${phase} ${value.toFixed(1)} s`).join(', ');
  console.error(`seed ${seed}: ${events.toLocaleString('en-US')} events, ${users} users × ${days} days (${phases}; ${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
}
console.log(`\nDetection quality, seeds ${seeds.join(', ')} (${users} users × ${days} days, ${values['no-autoencoder'] ? 'no autoencoder' : 'with autoencoder'}): AUC / recall at 1% FPR`);
console.log('seed method = Isolation Forest on label-encoded user and IP, UTC hour and weekday; Vigil forest alone = its percentile in the run\n');
printTable(results);
