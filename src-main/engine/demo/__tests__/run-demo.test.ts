import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveIngest } from '../../live/live-ingest.js';
import { startSyslogListener } from '../../live/syslog-server.js';
import { openCase, type CaseDatabase } from '../../store/database.js';
import { runDemo, type DemoProgress, type DemoResult } from '../run-demo.js';
import type { DemoPhase } from '../plan.js';

// A fixed clock that moves with real time: plans are the same on every run, timestamps still advance.
const base = Date.UTC(2026, 10, 20, 14, 0);
const historyEnd = Date.UTC(2026, 10, 20);
const population = { users: 40, days: 14, seed: 3, historyEnd };

const open: { ingest: LiveIngest; db: CaseDatabase }[] = [];

afterEach(async () => {
  for (const { ingest, db } of open.splice(0)) {
    await ingest.stop();
    db.close();
  }
});

async function listen(transport: 'udp' | 'tcp'): Promise<{ db: CaseDatabase; ingest: LiveIngest; target: string }> {
  const db = openCase(join(mkdtempSync(join(tmpdir(), 'vigil-demo-')), 'case.vigil'));
  const ingest = new LiveIngest(db, { flushMs: 10 });
  open.push({ ingest, db });
  const listener = await startSyslogListener({ transport, host: '127.0.0.1', port: 0 });
  ingest.add(listener);
  return { db, ingest, target: `${transport}://127.0.0.1:${listener.address.port}` };
}

function clock(): () => number {
  const started = Date.now();
  return () => base + (Date.now() - started);
}

async function stored(ingest: LiveIngest, expected: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (ingest.stats().stored + ingest.stats().rejected < expected) {
    if (Date.now() > deadline) throw new Error(`stored ${ingest.stats().stored} of ${expected} events: ${JSON.stringify(ingest.stats())}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

interface StoredEvent {
  ts: number;
  user: string;
  outcome: number;
  ip: string;
  country: string | null;
  city: string | null;
  asn: number | null;
  user_agent: string | null;
  browser: string | null;
  service: string | null;
  host: string | null;
}

function events(db: CaseDatabase): StoredEvent[] {
  return db.prepare('SELECT ts, user, outcome, ip, country, city, asn, user_agent, browser, service, host FROM events ORDER BY id').all() as StoredEvent[];
}

/** "user success ip" of each planned login of a phase (or of all), sorted: compared as multisets. */
function planned(result: DemoResult, scenario?: string): string[] {
  return result.plan.items
    .filter((item) => scenario === undefined || item.scenario === scenario)
    .map((item) => `${item.login.user} ${item.login.success ? 1 : 0} ${item.login.ip}`)
    .sort();
}

function keys(rows: StoredEvent[]): string[] {
  return rows.map((row) => `${row.user} ${row.outcome} ${row.ip}`).sort();
}

describe('runDemo into a live listener', () => {
  it('plays every scenario over TCP (octet counting): each message is one stored event, with the user agent and place of the CEE ones', async () => {
    // TCP: flow control keeps every message however busy this one process is (over UDP, a test process that
    // also stores and enriches can fall behind a burst at speed 1000 and the kernel drops datagrams).
    const { db, ingest, target } = await listen('tcp');
    const result = await runDemo({ scenario: 'all', target, speed: 1000, ...population, now: clock() });
    await stored(ingest, result.total);

    expect(result).toMatchObject({ cancelled: false, sent: result.plan.items.length, total: result.plan.items.length });
    expect(ingest.stats()).toMatchObject({ stored: result.total, rejected: 0, ignored: 0, dropped: 0 });
    const rows = events(db);
    expect(keys(rows)).toEqual(planned(result));
    expect(new Set(rows.map((row) => row.user))).toEqual(new Set(result.plan.items.map((item) => item.login.user)));
    expect(rows.filter((row) => row.outcome === 0).length).toBe(result.plan.items.filter((item) => !item.login.success).length);
    // Timestamps are the moments of sending.
    expect(Math.min(...rows.map((row) => row.ts))).toBeGreaterThanOrEqual(base);

    const phases = result.plan.phases.filter((phase) => phase.scenario !== null).map((phase) => phase.scenario);
    expect(phases).toEqual(['brute-force-takeover', 'password-spray', 'impossible-travel', 'new-device-night', 'credential-stuffing']);
    for (const scenario of phases) {
      const attack = planned(result, scenario as string);
      expect(attack.length).toBeGreaterThan(0);
      const present = keys(rows);
      expect(attack.filter((key) => !present.includes(key))).toEqual([]);
    }

    // Brute force: 30 failures and the success from one address, at the portal (CEE): device and place stored.
    const bruteForce = result.plan.items.filter((item) => item.scenario === 'brute-force-takeover').map((item) => item.login);
    const attacker = bruteForce[0];
    const fromAttacker = rows.filter((row) => row.ip === attacker.ip);
    expect(fromAttacker.map((row) => row.outcome)).toEqual([...Array<number>(30).fill(0), 1]);
    expect(fromAttacker[30]).toMatchObject({ user: attacker.user, user_agent: attacker.userAgent, country: attacker.country, asn: attacker.asn, service: 'portal', host: 'sso01' });
    // Background logins come from real browsers: the user agent is parsed into one.
    const background = result.plan.items.find((item) => item.scenario === null && item.login.success)?.login;
    expect(rows.find((row) => row.user === background?.user && row.ip === background.ip)?.browser).toMatch(/^[A-Z]/);

    // Password spray over SSH: 20 names from one address, then one success; sshd lines carry no user agent.
    const spray = result.plan.items.filter((item) => item.scenario === 'password-spray').map((item) => item.login);
    const sprayed = rows.filter((row) => row.ip === spray[0].ip);
    expect(new Set(sprayed.map((row) => row.user)).size).toBe(20);
    expect(sprayed.filter((row) => row.outcome === 1)).toHaveLength(1);
    expect(sprayed.every((row) => row.service === 'sshd' && row.user_agent === null && row.host === 'bastion01')).toBe(true);

    // Impossible travel: the same user from two countries, the second from the planned far city.
    const travel = result.plan.items.filter((item) => item.scenario === 'impossible-travel').map((item) => item.login);
    const far = rows.find((row) => row.user === travel[1].user && row.ip === travel[1].ip);
    expect(far).toMatchObject({ outcome: 1, country: travel[1].country, city: travel[1].city, user_agent: travel[1].userAgent });
    expect(travel).toHaveLength(2);
    expect(travel[1].user).toBe(travel[0].user);
    expect(travel[1].country).not.toBe(travel[0].country);
  });

  it('plays one scenario over UDP, reporting each phase and each message', async () => {
    const { db, ingest, target } = await listen('udp');
    const phases: string[] = [];
    const progress: DemoProgress[] = [];
    const result = await runDemo({
      scenario: 'new-device-night',
      target,
      speed: 100,
      ...population,
      now: clock(),
      onPhase: (phase: DemoPhase) => phases.push(phase.name),
      onProgress: (update) => progress.push(update),
    });
    await stored(ingest, result.total);
    expect(phases).toEqual(['background', 'attack: new-device-night', 'background']);
    expect(progress.map((update) => update.sent)).toEqual(Array.from({ length: result.total }, (_, index) => index + 1));
    expect(progress.every((update) => update.total === result.total)).toBe(true);
    expect(new Set(progress.map((update) => update.phase))).toEqual(new Set(['background', 'attack: new-device-night']));
    expect(keys(events(db))).toEqual(planned(result));
  });

  it('stops when cancelled, after the message being sent', async () => {
    const { ingest, target } = await listen('udp');
    const controller = new AbortController();
    const result = await runDemo({
      scenario: 'all',
      target,
      speed: 50,
      ...population,
      now: clock(),
      signal: controller.signal,
      onProgress: ({ sent }) => {
        if (sent === 5) controller.abort();
      },
    });
    expect(result).toMatchObject({ cancelled: true, sent: 5 });
    expect(result.total).toBeGreaterThan(100);
    await stored(ingest, 5);
    expect(ingest.stats().stored).toBe(5);
  });

  it('rejects a refused TCP connection, a bad target and an unknown scenario with one-line reasons, sending nothing', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    await expect(runDemo({ scenario: 'password-spray', target: `tcp://127.0.0.1:${port}`, ...population })).rejects.toThrow(
      `cannot send to tcp://127.0.0.1:${port}: connection refused (is a listener running there?)`,
    );
    await expect(runDemo({ scenario: 'password-spray', target: 'http://127.0.0.1:5514', ...population })).rejects.toThrow(/a demo target is udp:\/\/HOST:PORT or tcp:\/\/HOST:PORT/);
    await expect(runDemo({ scenario: 'phishing' as 'all', target: 'udp://127.0.0.1:5514', ...population })).rejects.toThrow(
      "unknown scenario 'phishing' (choose from all, brute-force-takeover, password-spray, impossible-travel, new-device-night, credential-stuffing)",
    );
    await expect(runDemo({ scenario: 'all', target: 'udp://127.0.0.1:5514', speed: 0, ...population })).rejects.toThrow('speed must be a number above 0, not 0');
  });
});
