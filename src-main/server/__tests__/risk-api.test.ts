import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainingOptions } from '../../../src-shared/api.js';
import { detectionCase, type DetectionCase } from '../../engine/__tests__/detection-case.js';
import { createRunScorer } from '../../engine/detect/live-scorer.js';
import { liftLockout } from '../../engine/response/lockout.js';
import { createRiskApiService, type RiskAlert, type RiskAnswer } from '../../engine/response/risk-api-service.js';
import { iterateDetectionLogins } from '../../engine/store/detection-input.js';
import { latestModelRun } from '../../engine/store/scores.js';
import { startServer, type RunningServer } from '../server.js';

const token = 'risk-api-token-0123456789abcdef';
const training: TrainingOptions = { seed: 3, models: { freeman: true, forest: { trees: 50, maxSamples: 256 }, autoencoder: false } };
let subject: DetectionCase;
let server: RunningServer;
let rendererDir: string;
let clock = 0;
// Every API event id with the risk the API answered, for the comparison with a fresh replay.
const answered = new Map<number, number>();

interface UsualLogin {
  user: string;
  ip: string;
  user_agent?: string;
  country?: string;
  region?: string;
  city?: string;
  latitude?: number;
  longitude?: number;
  asn?: number;
}
let usual: UsualLogin;
let attacked: string;

beforeAll(async () => {
  subject = await detectionCase();
  rendererDir = mkdtempSync(join(tmpdir(), 'vigil-renderer-'));
  server = await startServer({ api: subject.service, host: '127.0.0.1', port: 0, token, rendererDir, riskApi: createRiskApiService(subject.db, { actor: 'test' }) });
  // The most active user's latest successful login is their usual place and device.
  const users = subject.db.prepare(`SELECT user FROM events WHERE outcome = 1 GROUP BY user ORDER BY COUNT(*) DESC LIMIT 2`).all() as { user: string }[];
  const latest = subject.db
    .prepare(`SELECT ts, user, ip, user_agent, country, region, city, latitude, longitude, asn FROM events WHERE user = ? AND outcome = 1 ORDER BY ts DESC LIMIT 1`)
    .get(users[0].user) as Record<string, string | number | null>;
  // The API logins start a whole number of weeks after that login: the user's usual hour of the week.
  const last = (subject.db.prepare(`SELECT MAX(ts) AS last FROM events`).get() as { last: number }).last;
  const week = 7 * 86_400_000;
  clock = Number(latest.ts) + Math.ceil((last - Number(latest.ts) + 1) / week) * week - 60_000;
  delete latest.ts;
  usual = Object.fromEntries(Object.entries(latest).filter(([, value]) => value !== null)) as unknown as UsualLogin;
  attacked = users[1].user;
}, 120_000);

afterAll(async () => {
  await server?.close();
  await subject?.dispose();
  rmSync(rendererDir, { recursive: true, force: true });
});

function post(path: string, body: unknown, authorised = true): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (authorised) headers.Authorization = `Bearer ${token}`;
  return fetch(`${server.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

// Each login a minute after the one before, so the API sees them in time order.
function next(): number {
  clock += 60_000;
  return clock;
}

async function score(body: object): Promise<RiskAnswer> {
  const response = await post('api/v1/score', { time: next(), ...body });
  expect(response.status).toBe(200);
  const answer = (await response.json()) as RiskAnswer;
  answered.set(answer.event_id, answer.risk);
  return answer;
}

const attack = { ip: '203.0.113.7', country: 'KP', city: 'Pyongyang', latitude: 39.03, longitude: 125.75, user_agent: 'python-requests/2.31' };

describe('the risk API of vigil serve', () => {
  it('answers 409 until a model is trained', async () => {
    const response = await post('api/v1/score', { user: 'alice', ip: '192.0.2.1', outcome: 'success' });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/no trained model/);
    await subject.service.trainModels(training);
  }, 120_000);

  it('requires the token', async () => {
    expect((await post('api/v1/score', { user: usual.user, ip: usual.ip, outcome: 'success' }, false)).status).toBe(401);
    expect((await post('predict', { user: usual.user, ip: usual.ip, outcome: 'success' }, false)).status).toBe(401);
    expect((await fetch(`${server.url}api/v1/alerts`)).status).toBe(401);
  });

  it('answers 400 with a message for a bad body', async () => {
    const response = await post('api/v1/score', { user: '', ip: '192.0.2.1', outcome: 'maybe' });
    expect(response.status).toBe(400);
    const message = ((await response.json()) as { error: { message: string } }).error.message;
    expect(message).toMatch(/user/);
    expect(message).toMatch(/outcome/);
    expect((await post('api/v1/score', { user: 'a', ip: 'b', outcome: 'success', extra: 1 })).status).toBe(400);
  });

  it('allows a known user logging in from their usual place', async () => {
    const answer = await score({ ...usual, outcome: 'success' });
    expect(answer.decision).toBe('allow');
    expect(answer.risk).toBeLessThan(50);
    expect(answer.locked_until).toBeUndefined();
  });

  it('locks an account after a burst of failures and blocks even a correct password', async () => {
    for (let attempt = 0; attempt < 12; attempt += 1) await score({ ...attack, user: attacked, outcome: 'failure' });
    const success = await score({ ...attack, user: attacked, outcome: 'success' });
    expect(success.decision).toBe('block');
    expect(success.reasons[0]).toMatch(/^account locked until \d{4}-/);
    expect(success.locked_until).toBeDefined();
    expect(Date.parse(success.locked_until ?? '')).toBeGreaterThan(clock);
    const audit = subject.db.prepare(`SELECT detail FROM audit WHERE action = 'lockAccount'`).all() as { detail: string }[];
    expect(audit.map((row) => (JSON.parse(row.detail) as { user: string }).user)).toEqual([attacked]);
  });

  it('predicts Anomaly for the attack and Normal for the usual login', async () => {
    const anomaly = await post('predict', { ...attack, time: next(), user: attacked, outcome: 'success' });
    expect(await anomaly.json()).toEqual({ prediction: 'Anomaly', risk: expect.any(Number) as number });
    const normal = await post('predict', { ...usual, time: next(), outcome: 'success' });
    expect(await normal.json()).toEqual({ prediction: 'Normal', risk: expect.any(Number) as number });
  });

  it('lists the newest alerts at or above the challenge threshold', async () => {
    const response = await fetch(`${server.url}api/v1/alerts?limit=3`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const { alerts } = (await response.json()) as { alerts: RiskAlert[] };
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.length).toBeLessThanOrEqual(3);
    expect(alerts.map((alert) => alert.time)).toEqual([...alerts.map((alert) => alert.time)].sort().reverse());
    for (const alert of alerts) expect(alert.risk).toBeGreaterThanOrEqual(50);
    expect(alerts[0].user).toBe(attacked);
    expect((await fetch(`${server.url}api/v1/alerts?limit=0`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(400);
  });

  it('stops blocking by lockout once an analyst lifts the lock', async () => {
    expect(liftLockout(subject.db, attacked, 'analyst')).toBe(1);
    const success = await score({ ...attack, user: attacked, outcome: 'success' });
    expect(success.locked_until).toBeUndefined();
    expect(success.reasons.join(' ')).not.toMatch(/account locked/);
    expect(subject.db.prepare(`SELECT lifted_by FROM lockouts WHERE user = ?`).get(attacked)).toEqual({ lifted_by: 'analyst' });
  });

  it('records every scored login as an event of the api source with its score', () => {
    const run = latestModelRun(subject.db);
    const rows = subject.db
      .prepare(`SELECT events.id, scores.risk FROM events JOIN sources ON sources.id = events.source_id LEFT JOIN scores ON scores.event_id = events.id AND scores.run_id = ? WHERE sources.name = 'api' ORDER BY events.id`)
      .all(run?.id) as { id: number; risk: number | null }[];
    // Two /predict logins were stored too.
    expect(rows.length).toBe(answered.size + 2);
    for (const row of rows) expect(row.risk).not.toBeNull();
    for (const row of rows) if (answered.has(row.id)) expect(row.risk).toBe(answered.get(row.id));
  });

  it('gives the risk a fresh replay of the whole case through the run gives (the batch path)', () => {
    const run = latestModelRun(subject.db);
    if (!run) throw new Error('no run');
    const scorer = createRunScorer(run);
    const replayed = new Map<number, number>();
    for (const login of iterateDetectionLogins(subject.db)) replayed.set(login.id, scorer.scoreOne(login).risk);
    expect(answered.size).toBeGreaterThan(10);
    for (const [id, risk] of answered) expect(replayed.get(id)).toBeCloseTo(risk, 9);
  });
});
