/**
 * The desktop bars on a large case: Events pages (first page with its count, and the next page) for each
 * filter, against a primary-key page of the same size as the reference measured in the same run; and how
 * long the serving thread stalls while an import and a training run go on (they run in workers), and while
 * the other views load their data.
 *
 *   node --import tsx bench/queries.ts                  # 5,000,000 RBA rows (generated once, kept in bench/.data)
 *   node --import tsx bench/queries.ts --rows 1000000
 *   node --import tsx bench/queries.ts --reuse          # query timings only, on the case a previous run built
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { EventFilter } from '../src-shared/api.js';
import { createService } from '../src-main/engine/service.js';
import { openCase } from '../src-main/engine/store/database.js';
import { queryEvents } from '../src-main/engine/store/queries/events.js';
import { attribute, recordStalls, summarise, type Stall } from './stalls.js';

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

/** Run work while recording the serving thread's stalls and an idle sibling process's (the machine's). */
async function stallsDuring<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; startedAt: number; serving: Stall[]; idle: Stall[] }> {
  const sibling = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench', 'idle-sibling.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  let reported = '';
  sibling.stdout.on('data', (chunk: Buffer) => (reported += chunk.toString()));
  const siblingDone = new Promise((done) => sibling.on('close', done));
  // Its start-up competes for the CPU: measure only once it is over.
  while (!reported.startsWith('ready\n')) {
    if (sibling.exitCode !== null) throw new Error('the idle process ended before it was ready');
    await new Promise((done) => setTimeout(done, 50));
  }
  const recorder = recordStalls();
  const started = performance.now();
  const startedAt = performance.timeOrigin + started;
  const result = await work();
  const serving = recorder.stop();
  const seconds = (performance.now() - started) / 1000;
  sibling.stdin.end();
  await siblingDone;
  return { result, seconds, startedAt, serving, idle: JSON.parse(reported.slice('ready\n'.length)) as Stall[] };
}

/** "longest 12 ms (0 of 50 ms or more); an idle process at the same time: …; the serving thread's own: …", with when the longest own one, and each of 50 ms or more, began. */
function describeStalls({ serving, idle, startedAt }: { serving: Stall[]; idle: Stall[]; startedAt: number }): string {
  const describe = (stalls: Stall[]): string => {
    const { maxMs, over50 } = summarise(stalls);
    return `longest ${maxMs.toFixed(0)} ms (${over50} of 50 ms or more)`;
  };
  const own = attribute(serving, idle);
  const longest = [...own].sort((a, b) => b.to - b.from - (a.to - a.from))[0];
  const when = own.filter((stall) => stall === longest || stall.to - stall.from >= 50).map((stall) => `${((stall.from - startedAt) / 1000).toFixed(1)} s`);
  return `${describe(serving)}; an idle process at the same time: ${describe(idle)}; not seen by the idle process (the app's own): ${describe(own)}${when.length > 0 ? `, at ${when.join(', ')}` : ''}`;
}

const reuse = values.reuse && existsSync(casePath);
if (!reuse) for (const suffix of ['', '-wal', '-shm']) rmSync(casePath + suffix, { force: true });
const db = openCase(casePath);
const service = createService({ db, path: casePath, mode: 'server' });
let stalls = 'not measured (--reuse)';
if (!reuse) {
  const imported = await stallsDuring(() => service.importFiles([csv], {}));
  // The models the Training view starts with. trainModels answers once the run has started: wait for it to finish.
  const models = { freeman: true, forest: { trees: 100, maxSamples: 256 }, autoencoder: { epochs: 8, hidden: 6, batchSize: 512 } };
  const trained = await stallsDuring(async () => {
    let run = await service.trainModels({ seed: 1, models });
    while (run.status === 'training') {
      await new Promise((done) => setTimeout(done, 500));
      run = (await service.listModelRuns()).find((candidate) => candidate.id === run.id) ?? run;
    }
    return run;
  });
  stalls = [
    `  during import   (${imported.seconds.toFixed(0)} s): ${describeStalls(imported)}`,
    `  during training (${trained.seconds.toFixed(0)} s, run ${trained.result.status}; phases ${JSON.stringify(trained.result.seconds)}): ${describeStalls(trained)}`,
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
// What the other views load, through the service as the UI asks for it: the long reads run in the read worker.
const views: [string, () => Promise<unknown>][] = [
  ['Overview: overview', () => service.overview()],
  ['Overview: risk overview', () => service.riskOverview()],
  ['Timeline: whole case', () => service.timeline(null, 'auto')],
  ['Timeline: one day', () => service.timeline({ from: sample[0].time - 86_400_000, to: sample[0].time }, 'auto')],
  ['Training: status', () => service.trainingStatus()],
  ['Alerts: high and above', () => service.listIncidents({ minimumLevel: 'high' })],
  ['Users: a profile', () => service.userProfile(someUser)],
];
console.log(`\n${'view data (first load)'.padEnd(26)}${'answer ms'.padStart(10)}${'serving-thread stall ms: longest'.padStart(34)}${'the app\'s own'.padStart(15)}`);
for (const [name, load] of views) {
  const { seconds, serving, idle } = await stallsDuring(load);
  const longest = (stalls: Stall[]): string => summarise(stalls).maxMs.toFixed(0);
  console.log(name.padEnd(26) + (seconds * 1000).toFixed(0).padStart(10) + longest(serving).padStart(34) + longest(attribute(serving, idle)).padStart(15));
}
// A view opened while another view's long read runs (the case reopened, so nothing is cached): its answer should not wait for the other.
const reopened = createService({ db, path: casePath, mode: 'server' });
const started = performance.now();
const answeredAt = (load: Promise<unknown>): Promise<number> => load.then(() => performance.now() - started);
const [overviewMs, alertsMs] = await Promise.all([answeredAt(reopened.overview()), answeredAt(reopened.listIncidents({ minimumLevel: 'high' }))]);
console.log(`\ntwo views at once: the overview answered in ${overviewMs.toFixed(0)} ms, the high alerts asked at the same time in ${alertsMs.toFixed(0)} ms`);
await reopened.dispose();
console.log(`\nserving-thread stalls (event-loop delay, bar < 50 ms):\n${stalls}`);
await service.dispose();
db.close();
