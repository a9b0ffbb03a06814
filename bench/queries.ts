/**
 * The desktop bars on a large case: Events pages (first page with its count, and the next page) for each
 * filter, against a primary-key page of the same size as the reference measured in the same run; and how
 * long the serving thread stalls while an import and a training run go on (they run in workers).
 *
 *   node --import tsx bench/queries.ts                  # 5,000,000 RBA rows (generated once, kept in bench/.data)
 *   node --import tsx bench/queries.ts --rows 1000000
 *   node --import tsx bench/queries.ts --reuse          # query timings only, on the case a previous run built
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { EventFilter } from '../src-shared/api.js';
import { createService } from '../src-main/engine/service.js';
import { openCase } from '../src-main/engine/store/database.js';
import { queryEvents } from '../src-main/engine/store/queries/events.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '5000000' }, runs: { type: 'string', default: '7' }, reuse: { type: 'boolean', default: false } } });
const rows = Number(values.rows);
const runs = Number(values.runs);
const root = resolve(import.meta.dirname, '..');
const data = join(root, 'bench', '.data');
mkdirSync(data, { recursive: true });
const csv = join(data, `rba-${rows}-seed9.csv`);
const casePath = join(data, `queries-${rows}.vigil`);

if (!existsSync(csv)) {
  console.log(`generating ${rows.toLocaleString('en-US')} RBA rows…`);
  execFileSync(process.execPath, [join(root, 'bin', 'vigil.js'), 'generate', '--out', csv, '--format', 'rba', '--rows', String(rows), '--seed', '9'], { stdio: 'inherit' });
}

/**
 * The reference for stalls: an idle Node process beside this one, sampling its own event loop the same way.
 * A stall it sees too is the machine's (on the 2-core VM measured here, heavy disk writes by any process froze
 * every process for about 100 ms), not work on the serving thread.
 */
const idleSibling = `
  const { monitorEventLoopDelay } = require('node:perf_hooks');
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  process.stdin.resume();
  process.stdin.on('end', () => console.log(JSON.stringify({ maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6 })));
`;

interface Stalls {
  maxMs: number;
  p99Ms: number;
}

/** Run work while sampling the serving thread's event-loop delay, and an idle sibling process's; the longest stall is the figure. */
async function stallsDuring<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; serving: Stalls; idle: Stalls }> {
  const sibling = spawn(process.execPath, ['-e', idleSibling], { stdio: ['pipe', 'pipe', 'inherit'] });
  let reported = '';
  sibling.stdout.on('data', (chunk: Buffer) => (reported += chunk.toString()));
  const siblingDone = new Promise((done) => sibling.on('close', done));
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const started = performance.now();
  const result = await work();
  histogram.disable();
  const seconds = (performance.now() - started) / 1000;
  sibling.stdin.end();
  await siblingDone;
  return { result, seconds, serving: { maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6 }, idle: JSON.parse(reported) as Stalls };
}

/** "max 12.3 ms, p99 10.1 ms (an idle process at the same time: max 11.0 ms, p99 10.0 ms)". */
function describeStalls(serving: Stalls, idle: Stalls): string {
  return `max ${serving.maxMs.toFixed(1)} ms, p99 ${serving.p99Ms.toFixed(1)} ms (an idle process at the same time: max ${idle.maxMs.toFixed(1)} ms, p99 ${idle.p99Ms.toFixed(1)} ms)`;
}

const reuse = values.reuse && existsSync(casePath);
if (!reuse) for (const suffix of ['', '-wal', '-shm']) rmSync(casePath + suffix, { force: true });
const db = openCase(casePath);
const service = createService({ db, path: casePath, mode: 'server' });
let stalls = 'not measured (--reuse)';
if (!reuse) {
  const imported = await stallsDuring(() => service.importFiles([csv], {}));
  const trained = await stallsDuring(() => service.trainModels({ seed: 1, models: { freeman: true, forest: { trees: 100, maxSamples: 256 }, autoencoder: false } }));
  // trainModels may answer when the run has started; wait for it to finish by polling its status.
  let run = trained.result;
  const finished = await stallsDuring(async () => {
    while (run.status === 'training') {
      await new Promise((done) => setTimeout(done, 500));
      run = (await service.listModelRuns()).find((candidate) => candidate.id === run.id) ?? run;
    }
    return run;
  });
  const worst = (first: Stalls, second: Stalls): Stalls => ({ maxMs: Math.max(first.maxMs, second.maxMs), p99Ms: Math.max(first.p99Ms, second.p99Ms) });
  stalls = [
    `  during import   (${imported.seconds.toFixed(0)} s): ${describeStalls(imported.serving, imported.idle)}`,
    `  during training (${(trained.seconds + finished.seconds).toFixed(0)} s, run ${run.status}): ${describeStalls(worst(trained.serving, finished.serving), worst(trained.idle, finished.idle))}`,
  ].join('\n');
}
const events = (db.prepare('SELECT COUNT(*) AS count FROM events').get() as { count: number }).count;

const sample = queryEvents(db, {}, { after: null, limit: 200 }).rows;
const someUser = sample[0].user;
const someIp = sample[0].ip ?? '1.1.1.1';
const cidr = `${someIp.split('.').slice(0, 2).join('.')}.0.0/16`;
const filters: [string, EventFilter][] = [
  ['no filter', {}],
  ['user', { user: someUser }],
  ['IP', { ip: someIp }],
  ['CIDR /16', { ip: cidr }],
  ['country', { country: 'NO' }],
  ['failures', { outcome: 'failure' }],
  ['risk ≥ high', { risk: 'high' }],
  ['time range (1 day)', { from: sample[0].time - 86_400_000, to: sample[0].time }],
  ['text', { text: 'Safari' }],
];

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const time = (work: () => unknown): number[] =>
  Array.from({ length: runs }, () => {
    const started = performance.now();
    work();
    return performance.now() - started;
  });
const primaryKeyPage = db.prepare('SELECT * FROM events WHERE id > ? ORDER BY id LIMIT 200');
const reference = median(time(() => primaryKeyPage.all(Math.floor(events / 2))));

console.log(`\n${events.toLocaleString('en-US')} events in ${casePath}; median of ${runs} runs; reference: a 200-row primary-key page = ${reference.toFixed(2)} ms`);
console.log('filter'.padEnd(22) + 'first page ms'.padStart(15) + 'next page ms'.padStart(14) + 'max ms'.padStart(9) + '×reference'.padStart(12) + '  bar < 100 ms');
for (const [name, filter] of filters) {
  const first = time(() => queryEvents(db, filter, { after: null, limit: 200 }));
  const cursor = queryEvents(db, filter, { after: null, limit: 200 }).nextCursor;
  const next = cursor ? time(() => queryEvents(db, filter, { after: cursor, limit: 200 })) : [0];
  const worst = Math.max(...first, ...next);
  console.log(
    name.padEnd(22) + median(first).toFixed(1).padStart(15) + median(next).toFixed(1).padStart(14) + worst.toFixed(1).padStart(9) + (median(first) / reference).toFixed(1).padStart(12) + `  ${worst < 100 ? 'ok' : 'MISSED'}`,
  );
}
console.log(`\nserving-thread stalls (event-loop delay, bar < 50 ms):\n${stalls}`);
await service.dispose();
db.close();
