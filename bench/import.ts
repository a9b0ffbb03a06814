/**
 * Import speed: `vigil import` of a generated RBA-layout CSV against Debian's `sqlite3 .import` of the
 * same file in the same run (a plain load into an unindexed table of TEXT columns), and vigil's peak RSS.
 *
 *   npm run bench:import                 # 1,000,000 rows
 *   npm run bench:import -- --rows 2000000
 *   npm run bench:import -- --rounds 5     # more rounds on a noisy machine (default 3)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCompiledVigil, dataDirectory, rbaBenchFile, vigil } from './rba-file.js';
import { runMeasured, type Measured } from './run-measured.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '7' }, rounds: { type: 'string', default: '3' } } });
const rows = Number(values.rows);

if (spawnSync('sqlite3', ['-version']).status !== 0) {
  console.log('installing Debian sqlite3 for the reference…');
  execFileSync('bash', ['-c', 'apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null'], { stdio: 'inherit' });
}
buildCompiledVigil();
const csv = rbaBenchFile(rows, values.seed);
const dataRows = Number(execFileSync('wc', ['-l', csv]).toString().trim().split(' ')[0]) - 1;
const megabytes = statSync(csv).size / 1024 / 1024;

// Named by process: worktrees share bench/.data, and two runs at once must not write each other's files.
const referenceDb = join(dataDirectory, `import-reference-${process.pid}.sqlite`);
const vigilCase = join(dataDirectory, `import-${process.pid}.vigil`);
const clean = (path: string): void => ['', '-wal', '-shm', '-journal'].forEach((suffix) => rmSync(path + suffix, { force: true }));
// Each run starts with the disk written back, so neither pays for flushing what the other wrote.
const settle = (): void => void execFileSync('sync');

const results: ({ name: string } & Omit<Measured, 'stdout'>)[] = [];
for (let round = 0; round < Number(values.rounds); round++) {
  clean(referenceDb);
  settle();
  const reference = await runMeasured('sqlite3', [referenceDb, '-cmd', '.mode csv', `.import ${csv} events`]);
  results.push({ name: 'sqlite3 .import', ...reference });
  clean(vigilCase);
  settle();
  const ours = await runMeasured(process.execPath, [vigil, 'import', csv, '--case', vigilCase, '--format', 'rba']);
  results.push({ name: 'vigil import', ...ours });
}
clean(referenceDb);
clean(vigilCase);

const best = (name: string) => results.filter((result) => result.name === name).sort((a, b) => a.seconds - b.seconds)[0];
const reference = best('sqlite3 .import');
const ours = best('vigil import');
const table = [
  ['run', 'seconds', 'rows/s', 'peak RSS MB'],
  ...[reference, ours].map((result) => [result.name, result.seconds.toFixed(2), Math.round(dataRows / result.seconds).toLocaleString('en-US'), result.peakRssMb.toFixed(0)]),
];
console.log(`\n${dataRows.toLocaleString('en-US')} rows, ${megabytes.toFixed(0)} MB (${csv}); best of ${values.rounds} rounds each, interleaved`);
for (const row of table) console.log(row.map((cell, index) => (index === 0 ? cell.padEnd(18) : cell.padStart(12))).join(''));
const rounds = (name: string): string => results.filter((result) => result.name === name).map((result) => result.seconds.toFixed(2)).join(', ');
console.log(`every round, in order: sqlite3 ${rounds('sqlite3 .import')} s; vigil ${rounds('vigil import')} s`);
const ratio = reference.seconds / ours.seconds;
console.log(`\nvigil / sqlite3 rows/s ratio: ${ratio.toFixed(2)} (bar ≥ 0.60)   vigil peak RSS: ${ours.peakRssMb.toFixed(0)} MB (bar < 400 MB)`);
// The import's two busy threads are the writer (the import's own, which also builds the indexes at the end) and the parser.
const cpu = ours.threadCpuSeconds;
console.log(`vigil CPU seconds per thread, in the order they started: ${cpu.map((seconds) => seconds.toFixed(2)).join(', ')} (total ${cpu.reduce((sum, seconds) => sum + seconds, 0).toFixed(2)})`);
