import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveIncidents } from '../../alerts/derive-incidents.js';
import { createRunScorer } from '../../detect/live-scorer.js';
import { runDetection } from '../../detect/run-detection.js';
import { generate } from '../../generate/generate.js';
import { defaultOptions } from '../../generate/options.js';
import { importFile } from '../../ingest/importer.js';
import { openCase } from '../../store/database.js';
import { iterateDetectionLogins } from '../../store/detection-input.js';
import { incidentDerivation } from '../../store/incidents.js';
import { changeIncident } from '../../store/queries/incidents.js';
import { readSettings, writeSettings } from '../../store/queries/settings.js';
import { latestModelRun } from '../../store/scores.js';
import { LivePipeline } from '../live-pipeline.js';
import type { LiveAlert } from '../live-types.js';
import { connectTcp, waitFor, writeAndEnd } from './wait.js';

const training = { seed: 3, models: { freeman: true, forest: { trees: 50, maxSamples: 256 }, autoencoder: false as const }, settings: { challengeAt: 40, blockAt: 75 } };
let directory: string;
let lines: string[];
/** Lines imported before training; the rest arrive live. */
const split = 500;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'vigil-live-pipeline-'));
  const logPath = join(directory, 'generated.log');
  // `vigil generate --format authlog --users 40 --days 14 --seed 3`: a brute force burst starts at line 525.
  await generate({ ...defaultOptions, users: 40, days: 14, seed: 3, format: 'authlog' }, { eventsPath: logPath, labelsPath: `${logPath}.labels.csv` });
  lines = readFileSync(logPath, 'utf8').split('\n').filter((line) => line !== '');
}, 60_000);

afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** A case holding the first `split` lines, trained; its path. */
async function trainedCase(name: string): Promise<string> {
  const path = join(directory, `${name}.vigil`);
  const head = join(directory, `${name}-head.log`);
  writeFileSync(head, lines.slice(0, split).join('\n') + '\n');
  const db = openCase(path);
  await importFile(db, head, { year: 2026, format: 'authlog' });
  await runDetection(db, training);
  db.close();
  return path;
}

async function startPipeline(casePath: string, alerts: LiveAlert[] = [], errors: string[] = []): Promise<LivePipeline> {
  const pipeline = await LivePipeline.start({ casePath, actor: 'test', year: 2026, flushMs: 10, runCheckMs: 50, onAlert: (alert) => alerts.push(alert), onError: (message) => errors.push(message) });
  await pipeline.refreshRun();
  return pipeline;
}

async function stream(pipeline: LivePipeline, text: string[]): Promise<number> {
  const listener = await pipeline.addListener({ kind: 'syslog-tcp', address: '127.0.0.1:0' });
  const client = await connectTcp(Number(listener.address.split(':').pop()));
  await writeAndEnd(client, text.map((line) => `${line}\n`));
  return listener.id;
}

describe('LivePipeline', () => {
  it('scores every streamed event exactly as the batch scorer scores the same events with the same run', async () => {
    const casePath = await trainedCase('same-scores');
    const alerts: LiveAlert[] = [];
    const errors: string[] = [];
    const pipeline = await startPipeline(casePath, alerts, errors);
    expect(pipeline.status().scoring).toEqual({ runId: 1, reason: null });
    const live = lines.slice(split);
    const sourceId = await stream(pipeline, live);
    const settled = (): boolean => {
      const listener = pipeline.status().listeners[0];
      return listener?.received === live.length && listener.stored + listener.ignored === live.length && listener.scored === listener.stored;
    };
    await waitFor(settled, 20_000, 'every live event scored').catch((error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(pipeline.status())} ${errors.join('; ')}`);
    });
    const status = pipeline.status();
    // The generator writes a few lines that are not logins (session notices): stored as lines, not events.
    expect(status.listeners[0]).toMatchObject({ id: sourceId, kind: 'syslog-tcp', received: live.length, rejected: 0, dropped: 0, queueDepth: 0 });
    expect(status.listeners[0].stored).toBeGreaterThan(live.length * 0.9);
    await pipeline.stop();
    expect(errors).toEqual([]);

    const db = openCase(casePath);
    const run = latestModelRun(db);
    if (!run) throw new Error('no run');
    const stored = new Map((db.prepare(`SELECT event_id AS id, risk, level, decision FROM scores WHERE run_id = ?`).all(run.id) as { id: number; risk: number; level: string; decision: string }[]).map((row) => [row.id, row]));
    const liveIds = db.prepare(`SELECT id FROM events WHERE source_id = ? ORDER BY id`).pluck().all(sourceId) as number[];
    expect(liveIds).toHaveLength(status.listeners[0].stored);
    // The batch reference: the run's scorer fed every event of the case in time order.
    const scorer = createRunScorer(run);
    const expected = new Map<number, { risk: number; level: string }>();
    for (const login of iterateDetectionLogins(db)) expected.set(login.id, scorer.scoreOne(login));
    const mismatches = liveIds.filter((id) => stored.get(id)?.risk !== expected.get(id)?.risk || stored.get(id)?.level !== expected.get(id)?.level);
    expect(mismatches).toEqual([]);
    // The streamed part holds the brute force burst: it alerts, lands in incidents, and locks the account.
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((alert) => alert.incidentId !== null && alert.risk >= 40)).toBe(true);
    expect(alerts.some((alert) => alert.lockStarted && alert.lockedUntil !== null && alert.reasons.some((reason) => reason.startsWith('account locked until')))).toBe(true);
    const incidentEvents = db.prepare(`SELECT event_id FROM incident_events JOIN incidents ON incidents.id = incident_id WHERE run_id = ?`).pluck().all(run.id) as number[];
    for (const alert of alerts) expect(incidentEvents).toContain(alert.eventId);
    db.close();
  }, 120_000);

  it('records live alerts in the run\'s incidents, and a later batch grouping neither duplicates them nor loses their triage', async () => {
    const casePath = await trainedCase('incidents');
    const alerts: LiveAlert[] = [];
    const pipeline = await startPipeline(casePath, alerts);
    const live = lines.slice(split);
    await stream(pipeline, live);
    await waitFor(() => pipeline.status().listeners[0]?.received === live.length && pipeline.status().listeners[0].scored === pipeline.status().listeners[0].stored, 20_000, 'the live events');
    await pipeline.stop();

    const db = openCase(casePath);
    const runId = 1;
    const membership = () => db.prepare(`SELECT event_id AS eventId, incident_id AS incidentId FROM incident_events JOIN incidents ON incidents.id = incident_id WHERE run_id = ?`).all(runId) as { eventId: number; incidentId: number }[];
    const before = membership();
    // Each alert is in exactly one incident, the one it was told.
    for (const alert of alerts) expect(before.filter((row) => row.eventId === alert.eventId)).toEqual([{ eventId: alert.eventId, incidentId: alert.incidentId }]);
    // Repeats within an incident are not notified again unless its level rose.
    const notifiedPerIncident = new Map<number, number>();
    for (const alert of alerts.filter((alert) => alert.notify)) notifiedPerIncident.set(alert.incidentId as number, (notifiedPerIncident.get(alert.incidentId as number) ?? 0) + 1);
    expect([...notifiedPerIncident.values()].every((count) => count <= 4)).toBe(true);
    expect(alerts.filter((alert) => alert.notify).length).toBeLessThan(alerts.length);

    const triaged = alerts[alerts.length - 1].incidentId as number;
    changeIncident(db, triaged, { status: 'acknowledged', note: 'looking into it' }, 'analyst');
    // A batch grouping of the same run (as after a threshold change) replaces the incidents as a whole.
    deriveIncidents(db, runId, 40);
    const after = membership();
    const eventIds = after.map((row) => row.eventId);
    expect(new Set(eventIds).size).toBe(eventIds.length);
    for (const alert of alerts) expect(eventIds).toContain(alert.eventId);
    const carried = after.find((row) => row.eventId === alerts[alerts.length - 1].eventId)?.incidentId as number;
    expect(db.prepare(`SELECT status FROM incidents WHERE id = ?`).pluck().get(carried)).toBe('acknowledged');
    expect(db.prepare(`SELECT text FROM incident_notes WHERE incident_id = ?`).pluck().all(carried)).toEqual(['looking into it']);
    db.close();
  }, 120_000);

  it('scores on catching up the events the run never saw, their alerts joining incidents unannounced, and regroups at a new threshold', async () => {
    const casePath = await trainedCase('catch-up');
    // Imported after the training (the brute force burst among them): the run has no score for them.
    const later = join(directory, 'catch-up-later.log');
    writeFileSync(later, lines.slice(split, split + 300).join('\n') + '\n');
    const setup = openCase(casePath);
    await importFile(setup, later, { year: 2026, format: 'authlog' });
    setup.close();
    const alerts: LiveAlert[] = [];
    const errors: string[] = [];
    const pipeline = await startPipeline(casePath, alerts, errors);
    const db = openCase(casePath);
    const alertIds = (threshold: number): number[] => db.prepare(`SELECT event_id FROM scores WHERE run_id = 1 AND risk >= ? ORDER BY event_id`).pluck().all(threshold) as number[];
    const inIncidents = (): number[] => db.prepare(`SELECT event_id FROM incident_events JOIN incidents ON incidents.id = incident_id WHERE run_id = 1 ORDER BY event_id`).pluck().all() as number[];
    expect(db.prepare(`SELECT COUNT(*) FROM events WHERE id NOT IN (SELECT event_id FROM scores WHERE run_id = 1)`).pluck().get()).toBe(0);
    const caughtUp = alertIds(40);
    expect(caughtUp.length).toBeGreaterThan(0);
    expect(inIncidents()).toEqual(caughtUp);
    expect(alerts).toEqual([]);

    // A higher threshold: the run's incidents are grouped again from it, and live alerts join those.
    writeSettings(db, { ...readSettings(db), challengeThreshold: 60 }, 'test');
    pipeline.reloadSettings();
    const live = lines.slice(split + 300);
    await stream(pipeline, live);
    await waitFor(() => pipeline.status().listeners[0]?.received === live.length && pipeline.status().listeners[0].scored === pipeline.status().listeners[0].stored, 20_000, 'the live events');
    await pipeline.stop();
    expect(errors).toEqual([]);
    expect(incidentDerivation(db, 1)?.threshold).toBe(60);
    expect(inIncidents()).toEqual(alertIds(60));
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((alert) => alert.risk >= 60 && alert.incidentId !== null)).toBe(true);
    db.close();
  }, 120_000);

  it('stores events unscored without a trained run, says so, and scores with a run trained later', async () => {
    const path = join(directory, 'untrained.vigil');
    const head = join(directory, 'untrained-head.log');
    writeFileSync(head, lines.slice(0, split).join('\n') + '\n');
    const setup = openCase(path);
    await importFile(setup, head, { year: 2026, format: 'authlog' });
    setup.close();
    const pipeline = await startPipeline(path);
    expect(pipeline.status().scoring).toEqual({ runId: null, reason: 'no trained model: run vigil train' });
    const first = lines.slice(split, split + 100);
    await stream(pipeline, first);
    await waitFor(() => pipeline.status().listeners[0]?.received === first.length && pipeline.status().listeners[0].queueDepth === 0, 10_000, 'the first live events');
    expect(pipeline.status().listeners[0]).toMatchObject({ scored: 0 });
    expect(pipeline.status().listeners[0].stored).toBeGreaterThan(90);

    // A training elsewhere (the app, vigil train) finishes: the session picks the run up.
    const trainer = openCase(path);
    await runDetection(trainer, training);
    trainer.close();
    await pipeline.refreshRun();
    expect(pipeline.status().scoring).toEqual({ runId: 1, reason: null });
    const second = lines.slice(split + 100, split + 200);
    const secondSource = await stream(pipeline, second);
    await waitFor(() => {
      const listener = pipeline.status().listeners.find((entry) => entry.id === secondSource);
      return listener?.received === second.length && listener.queueDepth === 0 && listener.scored === listener.stored;
    }, 10_000, 'the second live events');
    await pipeline.stop();
    const db = openCase(path);
    const unscored = db.prepare(`SELECT COUNT(*) FROM events WHERE id NOT IN (SELECT event_id FROM scores WHERE run_id = 1)`).pluck().get();
    expect(unscored).toBe(0);
    db.close();
  }, 120_000);
});
