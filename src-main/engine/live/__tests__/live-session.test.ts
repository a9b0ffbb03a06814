import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDetection } from '../../detect/run-detection.js';
import { generate } from '../../generate/generate.js';
import { defaultOptions } from '../../generate/options.js';
import { importFile } from '../../ingest/importer.js';
import { openCase } from '../../store/database.js';
import { LiveSession, type LiveAlert, type LiveSessionStatus } from '../live-session.js';
import { connectTcp, waitFor, writeAndEnd } from './wait.js';

let directory: string;
let casePath: string;
let live: string[];

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'vigil-live-session-'));
  const logPath = join(directory, 'generated.log');
  await generate({ ...defaultOptions, users: 40, days: 14, seed: 3, format: 'authlog' }, { eventsPath: logPath, labelsPath: `${logPath}.labels.csv` });
  const lines = readFileSync(logPath, 'utf8').split('\n').filter((line) => line !== '');
  const head = join(directory, 'head.log');
  writeFileSync(head, lines.slice(0, 500).join('\n') + '\n');
  live = lines.slice(500, 700);
  casePath = join(directory, 'case.vigil');
  const db = openCase(casePath);
  await importFile(db, head, { year: 2026, format: 'authlog' });
  await runDetection(db, { seed: 3, models: { freeman: true, forest: { trees: 30, maxSamples: 256 }, autoencoder: false }, settings: { challengeAt: 40, blockAt: 75 } });
  db.close();
}, 60_000);

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('LiveSession (the live worker)', () => {
  it('scores in the worker and hands alerts and status to the main thread', async () => {
    const alerts: LiveAlert[] = [];
    const statuses: LiveSessionStatus[] = [];
    const errors: string[] = [];
    const session = await LiveSession.start({ casePath, actor: 'test', year: 2026, onAlert: (alert) => alerts.push(alert), onStatus: (status) => statuses.push(status), onError: (message) => errors.push(message) });
    try {
      const listener = await session.addListener({ kind: 'syslog-tcp', address: '127.0.0.1:0' });
      expect(listener).toMatchObject({ kind: 'syslog-tcp', received: 0, stored: 0, scored: 0 });
      expect(listener.address).toMatch(/^127\.0\.0\.1:\d+$/);
      const client = await connectTcp(Number(listener.address.split(':')[1]));
      await writeAndEnd(client, live.map((line) => `${line}\n`));
      await waitFor(() => {
        const counts = session.status().listeners[0];
        return counts?.received === live.length && counts.queueDepth === 0 && counts.scored === counts.stored;
      }, 20_000, 'the status to count every message');
      const status = session.status();
      expect(status.scoring).toEqual({ runId: 1, reason: null });
      expect(status.recentRate.reduce((sum, count) => sum + count, 0)).toBe(status.listeners[0].stored);
      // The streamed part holds a brute force burst: alerts crossed the thread boundary with their facts.
      expect(alerts.length).toBeGreaterThan(0);
      expect(status.alerts).toBe(alerts.length);
      expect(alerts[0]).toMatchObject({ sourceId: listener.id, incidentId: expect.any(Number), reasons: expect.any(Array) });
      expect(statuses.length).toBeGreaterThan(0);
    } finally {
      await session.stop();
    }
    expect(errors).toEqual([]);
  }, 60_000);

  it('rejects listeners it cannot start with a clear message, and keeps running', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    const session = await LiveSession.start({ casePath, actor: 'test' });
    try {
      await expect(session.addListener({ kind: 'syslog-tcp', address: `127.0.0.1:${port}` })).rejects.toThrow(`cannot listen on TCP 127.0.0.1:${port}: the port is in use`);
      await expect(session.addListener({ kind: 'file-tail', address: directory })).rejects.toThrow('it is a directory');
      await expect(session.addListener({ kind: 'syslog-udp', address: 'not-a-port' })).rejects.toThrow("a listener address is [HOST:]PORT, not 'not-a-port'");
      await expect(session.addListener({ kind: 'syslog-udp', address: '127.0.0.1:0' })).resolves.toMatchObject({ kind: 'syslog-udp' });
      expect(session.status().failure).toBeNull();
    } finally {
      await session.stop();
      blocker.close();
    }
  }, 60_000);

  it('fails to start with the reason when the case cannot be opened, without hanging', async () => {
    await expect(LiveSession.start({ casePath: join(directory, 'missing', 'case.vigil'), actor: 'test' })).rejects.toThrow(/directory does not exist|unable to open/i);
  }, 60_000);
});
