/**
 * Live pipeline: syslog → stored → scored → alert, in the live worker (LiveSession), on a case with a
 * trained run. Three phases, each against a reference measured in the same run:
 *  (a) TCP at --rate messages/s for --seconds: sent, received, stored, scored, lost (bar 0), the most waiting
 *      to be scored at any time (where a backlog formed), achieved rate
 *      (bar: the offered rate), against the raw receive rate of a plain TCP server with no storage;
 *  (b) UDP at the same rate: drops as the listener counted them and as the case's audit recorded them;
 *  (c) at --latency-rate messages/s with brute-force failures mixed in: arrival (listener receive time)
 *      → alert callback on the main thread, p50/p99/max (bar p99 < 200 ms), against the store interval.
 *
 *   node --import tsx bench/live.ts                      # 20,000 msg/s for 60 s
 *   node --import tsx bench/live.ts --seconds 10 --rate 5000
 *   node --import tsx bench/live.ts --keep                                   # keep bench/.data/live-bench.vigil
 *   node --import tsx bench/live.ts --case COPY.vigil --phases c --trace t.csv   # phase (c) alone on a kept case
 */
import { execFileSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LiveSession, type LiveAlert, type LiveListenerStatus, type LiveSessionStatus } from '../src-main/engine/live/live-session.js';
import { benignRowsPerUserDay, usersForRows } from '../src-main/engine/generate/options.js';
import { listAudit } from '../src-main/engine/store/audit.js';
import { openCase } from '../src-main/engine/store/database.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    rate: { type: 'string', default: '20000' },
    'latency-rate': { type: 'string', default: '5000' },
    'background-rows': { type: 'string', default: '100000' },
    keep: { type: 'boolean', default: false },
    /** Which phases to run, e.g. `c` (default `abc`). */
    phases: { type: 'string', default: 'abc' },
    /** Run on this existing trained case (kept as it is afterwards) instead of a fresh one. */
    case: { type: 'string' },
    /** Write phase (c)'s alerts as CSV (ms since sending started, latency ms) to this file. */
    trace: { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const rate = Number(values.rate);
const latencyRate = Number(values['latency-rate']);
const backgroundRows = Number(values['background-rows']);
const root = resolve(import.meta.dirname, '..');
const dataDirectory = join(root, 'bench', '.data');
mkdirSync(dataDirectory, { recursive: true });
const vigil = join(root, 'bin', 'vigil.js');
const casePath = values.case ? resolve(values.case) : join(dataDirectory, 'live-bench.vigil');
const phases = values.phases;
const flushMs = 20;

// Background history (imported and trained) and a continuation to stream, both from the project's generator.
const background = join(dataDirectory, `live-background-${backgroundRows}.log`);
const total = Math.round(rate * seconds);
const latencyCount = Math.round(latencyRate * seconds);
// Each phase streams its own stretch of the continuation, so login times move forward as they would live.
const streamRows = 2 * total + latencyCount;
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const continuation = join(dataDirectory, `live-stream-${streamRows}.log`);
if (!existsSync(background)) execFileSync(process.execPath, [vigil, 'generate', '--format', 'authlog', '--rows', String(backgroundRows), '--days', '28', '--seed', '11', '--out', background], { stdio: ['ignore', 'ignore', 'inherit'] });
if (!existsSync(continuation)) {
  // The same population (seed and size) as the history, for as many days as the stream needs.
  const users = usersForRows(backgroundRows, 28);
  const days = Math.max(1, Math.ceil(streamRows / (users * benignRowsPerUserDay)));
  execFileSync(process.execPath, [vigil, 'generate', '--format', 'authlog', '--users', String(users), '--days', String(days), '--seed', '11', '--start', '2026-02-02T00:00:00Z', '--out', continuation], { stdio: ['ignore', 'ignore', 'inherit'] });
}
// The stream stays a Buffer off the JS heap, read line by line as it is sent: millions of line strings on
// this thread's heap made its garbage collection pause the sender and the alert handler (scavenges of
// 25–150 ms about once a second), and those pauses showed up as alert latency.
const stream = readFileSync(continuation);
const streamLines = linesWithYears(stream, 2026);

/**
 * Where each non-empty line of an auth.log stream starts and ends, and its year: the lines carry none and
 * the stream spans more than one, so the year counts up at each turn of the calendar.
 */
function linesWithYears(text: Buffer, firstYear: number): { starts: Float64Array; ends: Float64Array; years: Uint16Array } {
  const starts: number[] = [];
  const ends: number[] = [];
  const years: number[] = [];
  let year = firstYear;
  let previousMonth = 0;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf(10, start);
    const end = newline < 0 ? text.length : newline;
    if (end > start) {
      const month = months.indexOf(text.toString('latin1', start, start + 3));
      if (month >= 0 && month < previousMonth) year++;
      if (month >= 0) previousMonth = month;
      starts.push(start);
      ends.push(end);
      years.push(year);
    }
    start = end + 1;
  }
  return { starts: Float64Array.from(starts), ends: Float64Array.from(ends), years: Uint16Array.from(years) };
}

/** An auth.log line as an RFC 5424 message with a full UTC timestamp in `year`, so login times keep moving forward. */
function asSyslog(line: string, year: number): string {
  const match = /^(\w{3}) +(\d{1,2}) (\d\d:\d\d:\d\d) (\S+) ([^[:]+)(?:\[(\d+)\])?: (.*)$/.exec(line);
  if (!match) return `<38>${line}`;
  const stamp = `${year}-${String(months.indexOf(match[1]) + 1).padStart(2, '0')}-${match[2].padStart(2, '0')}T${match[3]}Z`;
  return `<38>1 ${stamp} ${match[4]} ${match[5]} ${match[6] ?? '-'} - - ${match[7]}`;
}

if (!values.case) {
  ['', '-wal', '-shm'].forEach((suffix) => rmSync(casePath + suffix, { force: true }));
  console.log(`case: ${backgroundRows.toLocaleString('en-US')} generated auth.log lines, imported and trained (autoencoder off)…`);
  execFileSync(process.execPath, [vigil, 'import', background, '--case', casePath, '--year', '2026', '--format', 'authlog'], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync(process.execPath, [vigil, 'train', '--case', casePath, '--no-autoencoder'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The i-th message of the stream (the continuation; cycled if it is short). */
function message(index: number): string {
  const line = index % streamLines.years.length;
  return asSyslog(stream.toString('utf8', streamLines.starts[line], streamLines.ends[line]), streamLines.years[line]);
}

/** Send `count` messages paced at `perSecond` in 10 ms slices through `write`; resolves with the seconds taken. */
async function paced(count: number, perSecond: number, write: (from: number, to: number) => Promise<void> | void): Promise<number> {
  const started = performance.now();
  let sent = 0;
  while (sent < count) {
    const due = Math.min(count, Math.floor(((performance.now() - started) / 1000) * perSecond) + 1);
    if (due > sent) {
      await write(sent, due);
      sent = due;
    }
    await new Promise((done) => setTimeout(done, 10));
  }
  return (performance.now() - started) / 1000;
}

async function writeAll(socket: Socket, text: string): Promise<void> {
  if (!socket.write(text)) await new Promise((done) => socket.once('drain', done));
}

async function startSession(alerts: LiveAlert[] = [], onAlert: (alert: LiveAlert) => void = () => {}, onStatus?: (status: LiveSessionStatus) => void): Promise<LiveSession> {
  const session = await LiveSession.start({ casePath, actor: 'bench', year: 2026, flushMs, onAlert: (alert) => (alerts.push(alert), onAlert(alert)), onError: (text) => console.error(`problem: ${text}`), onStatus });
  const started = Date.now();
  while (session.status().scoring.runId === null) {
    if (Date.now() - started > 300_000) throw new Error(`scoring never started: ${session.status().scoring.reason}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  return session;
}

/** Wait until the listener has stored and scored everything it received (or `limitMs` passes). */
async function settle(session: LiveSession, id: number, received: (status: LiveListenerStatus) => boolean, limitMs = 120_000): Promise<LiveListenerStatus> {
  const started = Date.now();
  for (;;) {
    const status = session.status().listeners.find((listener) => listener.id === id) as LiveListenerStatus;
    const done = received(status) && status.queueDepth === 0 && status.scored === status.stored;
    if (done || Date.now() - started > limitMs) return status;
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
}

/** Reference: a plain TCP server that counts lines (no parsing, no storage) fed as fast as the sender can. */
async function rawTcpRate(count: number): Promise<number> {
  let lines = 0;
  let finished: () => void = () => {};
  const all = new Promise<void>((done) => (finished = done));
  const server = createServer((socket) => socket.on('data', (chunk: Buffer) => {
    for (let index = chunk.indexOf(10); index >= 0; index = chunk.indexOf(10, index + 1)) lines++;
    if (lines >= count) finished();
  }));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const socket = connect({ port: (server.address() as AddressInfo).port, host: '127.0.0.1' });
  await new Promise((done) => socket.once('connect', done));
  const started = performance.now();
  for (let from = 0; from < count; from += 1000) await writeAll(socket, Array.from({ length: Math.min(1000, count - from) }, (_, offset) => message(from + offset) + '\n').join(''));
  await all;
  const rate = count / ((performance.now() - started) / 1000);
  socket.destroy();
  server.close();
  return rate;
}

const rows: string[][] = [];
const add = (phase: string, figure: string, value: string, bar: string, reference: string): void => void rows.push([phase, figure, value, bar, reference]);
const format = (value: number): string => Math.round(value).toLocaleString('en-US');

// (a) TCP
if (phases.includes('a')) {
  const reference = await rawTcpRate(Math.min(total, 1_000_000));
  // The most messages waiting to be scored at any status (about once a second): what the sender had
  // written by then, less what was scored or needed no score (not a login, rejected).
  let started = 0;
  let written = 0;
  let listenerId = 0;
  const backlog = { most: 0, at: 0 };
  const session = await startSession([], undefined, (status) => {
    const counts = status.listeners.find((one) => one.id === listenerId);
    if (!started || !counts) return;
    const seconds = (Date.now() - started) / 1000;
    const waiting = written - counts.scored - counts.ignored - counts.rejected;
    if (waiting > backlog.most) Object.assign(backlog, { most: waiting, at: seconds });
  });
  const listener = await session.addListener({ kind: 'syslog-tcp', address: '127.0.0.1:0' });
  listenerId = listener.id;
  const socket = connect({ port: Number(listener.address.split(':').pop()), host: '127.0.0.1' });
  await new Promise((done) => socket.once('connect', done));
  started = Date.now();
  const sendSeconds = await paced(total, rate, async (from, to) => {
    await writeAll(socket, Array.from({ length: to - from }, (_, offset) => message(from + offset) + '\n').join(''));
    written = to;
  });
  await new Promise<void>((done) => socket.end(done));
  const status = await settle(session, listener.id, (counts) => counts.received >= total);
  // The run ends when the last batch is seen scored (the status is read every 50 ms, so up to 50 ms late).
  const elapsed = (Date.now() - started) / 1000;
  await session.stop();
  const lost = total - status.stored - status.ignored - status.rejected;
  add('(a) TCP', 'messages sent', format(total), '', `sent in ${sendSeconds.toFixed(1)} s`);
  add('(a) TCP', 'received / stored / scored', `${format(status.received)} / ${format(status.stored)} / ${format(status.scored)}`, '', `${format(status.ignored)} ignored (not logins), ${format(status.rejected)} rejected`);
  add('(a) TCP', 'lost', format(lost), '0', lost === 0 ? 'met' : 'MISSED');
  const achieved = (status.stored + status.ignored + status.rejected) / elapsed;
  add('(a) TCP', 'most waiting to be scored', `${format(backlog.most)} at ${backlog.at.toFixed(0)} s`, '', `${(backlog.most / rate).toFixed(2)} s of messages; the status comes about once a second`);
  add('(a) TCP', 'achieved rate (msg/s, send → all scored)', format(achieved), `≥ ${format(rate)}`, `${achieved >= rate * 0.98 ? 'met' : 'MISSED'}; raw TCP receive, no storage: ${format(reference)} msg/s (${((100 * achieved) / reference).toFixed(1)}% of it)`);
}

// (b) UDP
if (phases.includes('b')) {
  const session = await startSession();
  const listener = await session.addListener({ kind: 'syslog-udp', address: '127.0.0.1:0' });
  const port = Number(listener.address.split(':').pop());
  const socket = createSocket('udp4');
  const sendSeconds = await paced(total, rate, async (from, to) => {
    for (let index = from; index < to; index++) socket.send(message(total + index), port, '127.0.0.1');
  });
  await new Promise((done) => setTimeout(done, 500));
  await settle(session, listener.id, () => true, 60_000);
  await session.stop();
  socket.close();
  // The status the worker sent after closing the socket: the final counts, as the audit has them.
  const status = session.status().listeners.find((entry) => entry.id === listener.id) as LiveListenerStatus;
  const db = openCase(casePath, { readonly: true });
  const audited = listAudit(db, 100_000)
    .filter((entry) => entry.action === 'live.dropped')
    .map((entry) => JSON.parse(entry.detail) as { sourceId: number; dropped: number; kernelDrops?: number | null })
    .filter((entry) => entry.sourceId === listener.id)
    .reduce((most, entry) => ({ dropped: Math.max(most.dropped, entry.dropped), kernelDrops: Math.max(most.kernelDrops, entry.kernelDrops ?? 0) }), { dropped: 0, kernelDrops: 0 });
  db.close();
  add('(b) UDP', 'datagrams sent', format(total), '', `sent in ${sendSeconds.toFixed(1)} s`);
  add('(b) UDP', 'received / stored / scored', `${format(status.received)} / ${format(status.stored)} / ${format(status.scored)}`, '', `${format(total - status.received)} never read; the kernel counted ${status.kernelDrops === null ? 'unknown' : format(status.kernelDrops)} drops`);
  add('(b) UDP', 'dropped: listener / audit', `${format(status.dropped)} / ${format(audited.dropped)}`, 'equal', audited.dropped === status.dropped ? 'met' : 'MISSED');
  add('(b) UDP', 'kernel drops: listener / audit', `${status.kernelDrops === null ? '-' : format(status.kernelDrops)} / ${format(audited.kernelDrops)}`, 'equal', audited.kernelDrops === (status.kernelDrops ?? 0) ? 'met' : 'MISSED');
}

// (c) latency with attacks mixed in
if (phases.includes('c')) {
  const latencies: number[] = [];
  // When each slow alert's message arrived, in ms since sending started: a burst shows as a cluster.
  const slow: number[] = [];
  const trace: string[] = [];
  let sendStarted = 0;
  const startingAt = performance.now();
  const session = await startSession([], (alert) => {
    const latency = Date.now() - alert.receivedAt;
    latencies.push(latency);
    trace.push(`${alert.receivedAt - sendStarted},${latency}`);
    if (latency >= 200) slow.push(alert.receivedAt - sendStarted);
  });
  const listener = await session.addListener({ kind: 'syslog-tcp', address: '127.0.0.1:0' });
  const socket = connect({ port: Number(listener.address.split(':').pop()), host: '127.0.0.1' });
  await new Promise((done) => socket.once('connect', done));
  const count = latencyCount;
  // Every 50th message is a failed password for one of ten accounts from one address: a brute force burst.
  const attack = (index: number): string => {
    // At the time of the stream around it, so the burst is judged as happening now.
    const stamp = /^<38>1 (\S+)/.exec(message(2 * total + index))?.[1] ?? new Date().toISOString();
    return `<38>1 ${stamp} bastion01 sshd 4242 - - Failed password for victim${index % 10} from 203.0.113.66 port 4242 ssh2`;
  };
  const startSeconds = (performance.now() - startingAt) / 1000;
  sendStarted = Date.now();
  await paced(count, latencyRate, (from, to) => writeAll(socket, Array.from({ length: to - from }, (_, offset) => ((from + offset) % 50 === 0 ? attack(from + offset) : message(2 * total + from + offset)) + '\n').join('')));
  await new Promise<void>((done) => socket.end(done));
  await settle(session, listener.id, (counts) => counts.received >= count);
  await session.stop();
  if (values.trace) writeFileSync(values.trace, `arrived_ms,latency_ms\n${trace.join('\n')}\n`);
  latencies.sort((a, b) => a - b);
  const quantile = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  add('(c) latency', 'alerts', format(latencies.length), '> 0', latencies.length > 0 ? 'met' : 'MISSED');
  add('(c) latency', 'arrival → alert p50 / p99 / max (ms)', `${quantile(0.5)} / ${quantile(0.99)} / ${latencies[latencies.length - 1] ?? Number.NaN}`, 'p99 < 200', `${quantile(0.99) < 200 ? 'met' : 'MISSED'}; store interval ${flushMs} ms`);
  const slowAt = slow.length === 0 ? 'none' : `arrived ${(slow.reduce((a, b) => Math.min(a, b)) / 1000).toFixed(1)}–${(slow.reduce((a, b) => Math.max(a, b)) / 1000).toFixed(1)} s into the phase`;
  add('(c) latency', 'session start (replay of the case)', `${startSeconds.toFixed(1)} s`, '', '');
  add('(c) latency', 'alerts ≥ 200 ms', format(slow.length), '', slowAt);
}

console.log(`\nlive pipeline: ${format(rate)} msg/s for ${seconds} s (TCP, UDP), ${format(latencyRate)} msg/s for latency; ${format(backgroundRows)}-line trained case; 2 shared cores\n`);
const widths = [12, 44, 28, 12];
console.log(['phase', 'figure', 'value', 'bar', 'reference / verdict'].map((cell, index) => (index < 4 ? cell.padEnd(widths[index]) : cell)).join(' '));
for (const row of rows) console.log(row.map((cell, index) => (index < 4 ? cell.padEnd(widths[index]) : cell)).join(' '));
if (!values.keep && !values.case) ['', '-wal', '-shm'].forEach((suffix) => rmSync(casePath + suffix, { force: true }));
