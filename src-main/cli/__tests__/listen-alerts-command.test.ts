import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDetection } from '../../engine/detect/run-detection.js';
import { generate } from '../../engine/generate/generate.js';
import { defaultOptions } from '../../engine/generate/options.js';
import { importFile } from '../../engine/ingest/importer.js';
import { openCase } from '../../engine/store/database.js';

let directory: string;
let casePath: string;
let live: string[];

/** Run the real `vigil` command to its end. */
function vigil(...args: string[]) {
  const result = spawnSync(process.execPath, [resolve('bin/vigil.js'), ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A free TCP port on 127.0.0.1 (bound, then released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

/** Run `vigil listen` with `args`; once it is listening, send `lines` to the TCP port; resolves with its output at exit. */
function listen(port: number, lines: string[], ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve('bin/vigil.js'), 'listen', '--tcp', `127.0.0.1:${port}`, '--year', '2026', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!sent && stdout.includes('Press Ctrl+C')) {
        sent = true;
        const socket = connect({ port, host: '127.0.0.1' }, () => socket.end(lines.map((line) => `${line}\n`).join('')));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'vigil-cli-listen-'));
  const logPath = join(directory, 'generated.log');
  await generate({ ...defaultOptions, users: 40, days: 14, seed: 3, format: 'authlog' }, { eventsPath: logPath, labelsPath: `${logPath}.labels.csv` });
  const lines = readFileSync(logPath, 'utf8').split('\n').filter((line) => line !== '');
  const head = join(directory, 'head.log');
  writeFileSync(head, lines.slice(0, 500).join('\n') + '\n');
  // Lines 500–700 hold a brute force burst (the generator's labels say so).
  live = lines.slice(500, 700);
  casePath = join(directory, 'case.vigil');
  const db = openCase(casePath);
  await importFile(db, head, { year: 2026, format: 'authlog' });
  await runDetection(db, { seed: 3, models: { freeman: true, forest: { trees: 30, maxSamples: 256 }, autoencoder: false }, settings: { challengeAt: 40, blockAt: 75 } });
  db.close();
}, 60_000);

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('vigil listen and vigil alerts', () => {
  it('prints each alert as it fires, sends it to a --webhook, and ends with a summary', async () => {
    const bodies: { text: string }[] = [];
    const receiver = createHttpServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        bodies.push(JSON.parse(text) as { text: string });
        response.end();
      });
    });
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const result = await listen(await freePort(), live, '--case', casePath, '--seconds', '4', '--webhook', hook, '--webhook-style', 'slack');
    receiver.close();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('scoring with run #1');
    expect(result.stdout).toContain('Alerts also go to: slack webhook');
    const alertLines = result.stdout.split('\n').filter((line) => line.startsWith('ALERT '));
    expect(alertLines.length).toBeGreaterThan(0);
    expect(alertLines[0]).toMatch(/^ALERT 2026-\d\d-\d\d \d\d:\d\d:\d\dZ (MEDIUM|HIGH|CRITICAL) +risk +\d+ (allow|challenge|block) +\S+ \S+ \(.+\) #\d+/);
    // The burst locks the account: the line that starts the lock says until when.
    expect(result.stdout).toMatch(/LOCKED until 2026-\d\d-\d\d \d\d:\d\d:\d\dZ/);
    expect(result.stdout).toMatch(/syslog-tcp 127\.0\.0\.1:\d+: received 200 · stored \d+ events · scored \d+/);
    expect(result.stdout).toMatch(new RegExp(`${alertLines.length} alerts? with run #1; list incidents with: vigil alerts`));
    // One webhook post per notified alert (repeats within an incident are not sent again).
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.length).toBe(alertLines.filter((line) => !line.includes('(not notified)')).length);
    expect(bodies[0]).toEqual({ text: expect.stringContaining('[Vigil]') });
  }, 60_000);

  it('lists incidents newest first with their alerts, as text and as JSON, filtered by status', () => {
    const text = vigil('alerts', '--case', casePath);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^run #1, alerts at risk ≥ 40: \d+ incidents? \(new \d+/);
    expect(text.stdout).toMatch(/#\d+ (MEDIUM|HIGH|CRITICAL) max risk \d+ · new · /);
    expect(text.stdout).toContain('time (UTC)');
    const json = vigil('alerts', '--case', casePath, '--json', '--limit', '3');
    expect(json.status).toBe(0);
    const incidents = JSON.parse(json.stdout) as { id: number; lastTime: number; alertDetails: { user: string; ip: string; level: string; risk: number; reasons: string[] }[] }[];
    expect(incidents.length).toBeGreaterThan(0);
    expect(incidents.length).toBeLessThanOrEqual(3);
    expect(incidents.map((incident) => incident.lastTime)).toEqual([...incidents.map((incident) => incident.lastTime)].sort((a, b) => b - a));
    expect(incidents[0].alertDetails[0]).toMatchObject({ user: expect.any(String), level: expect.any(String), risk: expect.any(Number), reasons: expect.any(Array) });
    expect(JSON.parse(vigil('alerts', '--case', casePath, '--json', '--status', 'false_positive').stdout)).toEqual([]);
    expect(vigil('alerts', '--case', casePath, '--status', 'done')).toMatchObject({ status: 2, stderr: expect.stringContaining('--status is new, acknowledged, false_positive or resolved') });
  });

  it('says clearly that nothing is scored without a trained model', async () => {
    const untrained = join(directory, 'untrained.vigil');
    openCase(untrained).close();
    const result = await listen(await freePort(), live.slice(0, 10), '--case', untrained, '--seconds', '2');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('not scoring: no trained model: run vigil train');
    expect(result.stdout).toContain('0 alerts (no trained model: run vigil train)');
    expect(vigil('alerts', '--case', untrained).stdout).toContain('no trained model');
  }, 60_000);

  it('exits 2 with the usage for bad channel options', () => {
    expect(vigil('listen', '--case', casePath, '--tcp', '0', '--email-to', 'soc@example.org')).toMatchObject({ status: 2, stderr: expect.stringContaining('need --email-to, --smtp HOST:PORT and --email-from together') });
    expect(vigil('listen', '--case', casePath, '--tcp', '0', '--webhook', 'ftp://example.org')).toMatchObject({ status: 2, stderr: expect.stringContaining('--webhook needs an http(s) address') });
  });
});
