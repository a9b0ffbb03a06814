/**
 * End-to-end detection speed: `vigil detect FILE --out SCORES.csv` (import, causal pass, forest,
 * autoencoder, scoring, CSV) on a generated RBA-layout file, against two references measured in the same
 * run on the same file: a plain Node read of its lines (the floor of any reader) and Debian's
 * `sqlite3 .import` (a plain load, when sqlite3 is installed). Prints seconds, events/s, vigil's own
 * phase times, the ratios, and the 100,000 events/s bar.
 *
 *   node --import tsx bench/detect.ts                  # 1,000,000 rows
 *   node --import tsx bench/detect.ts --rows 200000
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCompiledVigil, dataDirectory, rbaBenchFile, vigil } from './rba-file.js';
import { runMeasured } from './run-measured.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '7' } } });
const rows = Number(values.rows);
const scores = join(dataDirectory, 'detect-scores.csv');
const bar = 100_000;

buildCompiledVigil();
const csv = rbaBenchFile(rows, values.seed);

/** A plain Node read of the file's lines, in a child process like vigil: the floor of any reader. */
const lineRead = `
  const { createInterface } = require('node:readline');
  const { createReadStream } = require('node:fs');
  let lines = 0;
  createInterface({ input: createReadStream(process.argv[1]), crlfDelay: Infinity })
    .on('line', () => lines++)
    .on('close', () => process.stdout.write(String(lines - 1)));`;
const reference = await runMeasured(process.execPath, ['-e', lineRead, csv]);
const dataRows = Number(reference.stdout);

let sqliteSeconds: number | null = null;
if (spawnSync('sqlite3', ['-version']).status === 0) {
  const referenceDb = join(dataDirectory, 'detect-reference.sqlite');
  const clean = (): void => ['', '-wal', '-shm'].forEach((suffix) => rmSync(referenceDb + suffix, { force: true }));
  clean();
  sqliteSeconds = (await runMeasured('sqlite3', [referenceDb, '-cmd', '.mode csv', `.import ${csv} events`])).seconds;
  clean();
}

const detect = await runDetect();
const phases = { import: detect.importSeconds, ...detect.phases };
const accounted = Object.values(phases).reduce((sum, seconds) => sum + seconds, 0);
const perSecond = (seconds: number): string => Math.round(dataRows / seconds).toLocaleString('en-US');

console.log(`\n${dataRows.toLocaleString('en-US')} rows (${csv}); vigil peak RSS ${detect.peakRssMb.toFixed(0)} MB`);
const table: string[][] = [['run', 'seconds', 'events/s']];
table.push(['node line read', reference.seconds.toFixed(2), perSecond(reference.seconds)]);
if (sqliteSeconds !== null) table.push(['sqlite3 .import', sqliteSeconds.toFixed(2), perSecond(sqliteSeconds)]);
table.push(['vigil detect', detect.seconds.toFixed(2), perSecond(detect.seconds)]);
// A phase that overlapped another (the forest scores in a worker while the autoencoder trains) may take no time of its own.
for (const [phase, seconds] of Object.entries(phases)) table.push([`  ${phase}`, seconds.toFixed(2), seconds >= 0.05 ? perSecond(seconds) : '—']);
table.push(['  start, CSV, rest', (detect.seconds - accounted).toFixed(2), '']);
for (const row of table) console.log(row.map((cell, index) => (index === 0 ? cell.padEnd(20) : cell.padStart(12))).join(''));
const ratios = [`vigil detect / node line read events/s: ${(reference.seconds / detect.seconds).toFixed(3)}`];
if (sqliteSeconds !== null) ratios.push(`vigil detect / sqlite3 .import: ${(sqliteSeconds / detect.seconds).toFixed(3)}`);
console.log(`\n${ratios.join('   ')}`);
console.log(`vigil detect: ${perSecond(detect.seconds)} events/s (bar ≥ ${bar.toLocaleString('en-US')} events/s: ${dataRows / detect.seconds >= bar ? 'met' : 'not met'})`);

/** Run `vigil detect` as a child process; its wall time, peak RSS and the phase times it prints. */
async function runDetect(): Promise<{ seconds: number; peakRssMb: number; importSeconds: number; phases: Record<string, number> }> {
  let stderr = '';
  const measured = await new Promise<{ seconds: number; peakRssMb: number }>((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [vigil, 'detect', csv, '--out', scores], { stdio: ['ignore', 'inherit', 'pipe'] });
    let peakKb = 0;
    const timer = setInterval(() => {
      try {
        const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peakKb = Math.max(peakKb, Number(match[1]));
      } catch {
        // Exited between samples: the last sample stands.
      }
    }, 50);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`vigil detect exited with ${code}:\n${stderr}`));
      else resolvePromise({ seconds: Number(process.hrtime.bigint() - started) / 1e9, peakRssMb: peakKb / 1024 });
    });
  });
  rmSync(scores, { force: true });
  // "  12.4 s, 81,234 events/s · sha256 …" (the import summary) and "(run #1: assess 31.1 s, forest 1.7 s, …)".
  const importMatch = /([\d.]+) s, [\d,]+ events\/s/.exec(stderr);
  const runMatch = /\(run #\d+: ([^)]*)\)/.exec(stderr);
  if (!importMatch || !runMatch) throw new Error(`could not read vigil's phase times from:\n${stderr}`);
  const phases: Record<string, number> = {};
  for (const part of runMatch[1].split(', ')) {
    const [phase, seconds] = part.split(' ');
    phases[phase] = Number(seconds);
  }
  return { ...measured, importSeconds: Number(importMatch[1]), phases };
}
