/**
 * Autoencoder training speed: Vigil's tfjs autoencoder (wasm backend) against PyTorch (Debian's
 * python3-torch) on the same seeded float32 data, network, batch size and optimizer (Adam, lr 0.001).
 * Seconds per epoch exclude start-up: one warm-up epoch, then the mean of the measured epochs.
 *
 *   node --import tsx bench/autoencoder.ts
 *   node --import tsx bench/autoencoder.ts --rows 1000000 --batch 1024 --torch-threads 2
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createRandom } from '../src-shared/random.js';
import { disposeAutoencoder, trainAutoencoder } from '../src-main/engine/detect/autoencoder.js';
import { describeBackend } from '../src-main/engine/detect/tfjs-backend.js';

const { values: flags } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000' },
    columns: { type: 'string', default: '20' },
    hidden: { type: 'string', default: '6' },
    batch: { type: 'string', default: '512' },
    epochs: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '2' },
    seed: { type: 'string', default: '7' },
    'torch-threads': { type: 'string', default: '1' },
  },
});
const [rows, columns, hidden, batchSize, measuredEpochs, rounds, seed, torchThreads] = [
  flags.rows, flags.columns, flags.hidden, flags.batch, flags.epochs, flags.rounds, flags.seed, flags['torch-threads'],
].map(Number);
const epochs = measuredEpochs + 1;
const python = '/usr/bin/python3';
const root = resolve(import.meta.dirname, '..');
const dataDirectory = join(root, 'bench', '.data');
mkdirSync(dataDirectory, { recursive: true });
const dataFile = join(dataDirectory, `autoencoder-${rows}x${columns}-seed${seed}.f32`);

/** Seeded rows from five hidden factors plus noise, float32 row-major (what both sides read). */
function writeData(path: string): void {
  const random = createRandom(seed);
  const loadings = Array.from({ length: columns }, () => Array.from({ length: 5 }, () => random.normal()));
  const values = new Float32Array(rows * columns);
  for (let row = 0; row < rows; row++) {
    const factors = Array.from({ length: 5 }, () => random.normal());
    for (let column = 0; column < columns; column++) {
      const signal = loadings[column].reduce((sum, loading, index) => sum + loading * factors[index], 0);
      values[row * columns + column] = (column + 1) * (signal + 0.1 * random.normal()) + 3 * column;
    }
  }
  writeFileSync(path, new Uint8Array(values.buffer));
}

/** Wall and CPU seconds of each epoch, and the loss after each. */
interface EpochTimes {
  seconds: number[];
  cpuSeconds: number[];
  losses: number[];
}

/** Train Vigil's autoencoder, timing each epoch from its callback. */
async function runTfjs(matrix: { values: Float64Array; rows: number; columns: number }): Promise<EpochTimes> {
  const times: EpochTimes = { seconds: [], cpuSeconds: [], losses: [] };
  let wall = performance.now();
  let cpu = process.cpuUsage();
  const model = await trainAutoencoder(matrix, {
    seed,
    hidden,
    epochs,
    batchSize,
    onEpoch: (_epoch, loss) => {
      const used = process.cpuUsage(cpu);
      times.seconds.push((performance.now() - wall) / 1000);
      times.cpuSeconds.push((used.user + used.system) / 1e6);
      times.losses.push(loss);
      wall = performance.now();
      cpu = process.cpuUsage();
    },
  });
  disposeAutoencoder(model);
  return times;
}

/** Train the PyTorch reference in a child process. */
function runTorch(threads: number): EpochTimes & { torch: string; threads: number } {
  const script = join(root, 'bench', 'autoencoder-torch.py');
  const output = execFileSync(python, [script, dataFile, ...[rows, columns, hidden, batchSize, epochs, threads, seed].map(String)], { encoding: 'utf8' });
  return JSON.parse(output) as EpochTimes & { torch: string; threads: number };
}

/** Mean over the epochs after the warm-up epoch. */
const afterWarmUp = (values: number[]): number => values.slice(1).reduce((a, b) => a + b, 0) / (values.length - 1);

/** One row of the result table. */
interface Result {
  name: string;
  threads: number;
  seconds: number;
  cpuSeconds: number;
  loss: number;
}

function summarise(name: string, threads: number, times: EpochTimes): Result {
  return { name, threads, seconds: afterWarmUp(times.seconds), cpuSeconds: afterWarmUp(times.cpuSeconds), loss: times.losses[times.losses.length - 1] };
}

if (spawnSync(python, ['-c', 'import torch']).status !== 0) {
  console.log('installing Debian python3-torch for the reference…');
  execFileSync('bash', ['-c', 'apt-get update -qq && apt-get install -y -qq python3-torch >/dev/null'], { stdio: 'inherit' });
}
if (!existsSync(dataFile)) {
  console.log(`generating ${rows.toLocaleString('en-US')} × ${columns} float32 rows…`);
  writeData(dataFile);
}
const raw = readFileSync(dataFile);
const matrix = { values: Float64Array.from(new Float32Array(raw.buffer, raw.byteOffset, rows * columns)), rows, columns };
const backend = await describeBackend();

const results: Result[] = [];
let torchVersion = '';
for (let round = 0; round < rounds; round++) {
  results.push(summarise(`tfjs ${backend.name}${backend.simd ? ' SIMD' : ''}`, 1, await runTfjs(matrix)));
  const reference = runTorch(torchThreads);
  torchVersion = reference.torch;
  results.push(summarise(`torch ${reference.torch}`, reference.threads, reference));
}

const best = (prefix: string): Result => results.filter((result) => result.name.startsWith(prefix)).sort((a, b) => a.seconds - b.seconds)[0];
const tfjs = best('tfjs');
const torch = best('torch');
console.log(
  `\n${rows.toLocaleString('en-US')} × ${columns} float32, net ${columns}-${2 * hidden}-${hidden}-${2 * hidden}-${columns}, ` +
    `batch ${batchSize}, Adam lr 0.001; ${measuredEpochs} epochs after 1 warm-up; best of ${rounds} rounds, interleaved`,
);
console.log(`tfjs backend: ${backend.name}, SIMD ${backend.simd ? 'on' : 'off'}, threads ${backend.threads ? 'on' : 'off (1)'}; torch ${torchVersion}`);
const table = [
  ['run', 'threads', 's/epoch', 'CPU s/epoch', 'final loss'],
  ...[tfjs, torch].map((result) => [result.name, String(result.threads), result.seconds.toFixed(3), result.cpuSeconds.toFixed(3), result.loss.toFixed(4)]),
];
for (const row of table) console.log(row.map((cell, index) => (index === 0 ? cell.padEnd(22) : cell.padStart(13))).join(''));
console.log(`\ntfjs / torch seconds per epoch: ${(tfjs.seconds / torch.seconds).toFixed(2)} wall, ${(tfjs.cpuSeconds / torch.cpuSeconds).toFixed(2)} CPU (bar ≤ 3.00)`);
