import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confusionAt, riskLevels, type EventRow, type ModelRun, type TrainingOptions } from '../../../src-shared/api.js';
import { listAudit } from '../store/audit.js';
import { activeLockout, insertLockout } from '../store/lockouts.js';
import { detectionCase, type DetectionCase } from './detection-case.js';

// The autoencoder is left out for speed; its own tests cover it.
const options: TrainingOptions = { seed: 3, models: { freeman: true, forest: { trees: 50, maxSamples: 256 }, autoencoder: false } };

let subject: DetectionCase;
let run: ModelRun;

async function allEvents(filter: Parameters<DetectionCase['service']['queryEvents']>[0] = {}): Promise<EventRow[]> {
  const rows: EventRow[] = [];
  let after: string | null = null;
  do {
    const page = await subject.service.queryEvents(filter, { after, limit: 500 });
    rows.push(...page.rows);
    after = page.nextCursor;
  } while (after);
  return rows;
}

beforeAll(async () => {
  subject = await detectionCase();
  run = await subject.service.trainModels(options);
}, 120_000);

afterAll(() => subject?.dispose());

describe('detection through the service, on a generated case', () => {
  it('trains in a worker with pushed progress for every phase, and records the run', async () => {
    expect(run).toMatchObject({ status: 'complete', seed: 3, models: options.models, error: null });
    const imported = (await subject.service.caseInfo()).counts.events;
    expect(run.events).toBe(imported);
    const phases = subject.events.flatMap((event) => (event.type === 'trainingProgress' ? [event.progress.phase] : []));
    expect(new Set(phases)).toEqual(new Set(['assess', 'forest', 'score']));
    const finished = subject.events.filter((event) => event.type === 'trainingFinished');
    expect(finished).toEqual([{ type: 'trainingFinished', run, error: null }]);
    const status = await subject.service.trainingStatus();
    expect(status).toMatchObject({ latestRunId: run.id, active: null, runs: [run] });
    expect(status.defaults.models.autoencoder).not.toBe(false);
  });

  it('evaluates the run against the labels: AUC, AP, recall at 1% FPR, per type, curves and distribution', async () => {
    const evaluation = await subject.service.runEvaluation(run.id);
    const { dataset } = await subject.service.trainingStatus();
    const attacks = dataset.labels.filter((entry) => entry.label !== 'normal').reduce((sum, entry) => sum + entry.count, 0);
    expect(evaluation).toMatchObject({ runId: run.id, events: run.events, labelled: run.events, attacks, unlabelled: 0 });
    expect(evaluation.quality?.auc).toBeGreaterThan(0.8);
    expect(evaluation.quality?.perType.map((type) => type.label).sort()).toEqual(dataset.labels.map((entry) => entry.label).filter((label) => label !== 'normal').sort());
    expect(evaluation.roc.length).toBeGreaterThan(2);
    expect(evaluation.precisionRecall.length).toBeGreaterThan(2);
    const binned = [...evaluation.distribution.normal, ...evaluation.distribution.attack].reduce((sum, count) => sum + count, 0);
    expect(binned).toBe(run.events);
    // The confusion table at the challenge threshold agrees with the scores listed as events.
    const threshold = (await subject.service.getSettings()).challengeThreshold;
    const rows = await allEvents();
    const confusion = confusionAt(evaluation.distribution, threshold);
    expect(confusion.truePositives + confusion.falsePositives).toBe(rows.filter((row) => (row.riskScore ?? 0) >= threshold).length);
    expect(confusion.truePositives).toBe(rows.filter((row) => (row.riskScore ?? 0) >= threshold && row.label !== 'normal').length);
  });

  it('lists events with their risk, filters by minimum level and explains one event in full', async () => {
    const rows = await allEvents();
    expect(rows.every((row) => row.risk !== null && row.riskScore !== null)).toBe(true);
    const high = await subject.service.queryEvents({ risk: 'high' }, { after: null, limit: 1000 });
    const expected = rows.filter((row) => row.risk === 'high' || row.risk === 'critical');
    expect(expected.length).toBeGreaterThan(0);
    expect(high.total).toEqual({ count: expected.length, exact: true });
    expect(high.rows.map((row) => row.id).sort()).toEqual(expected.map((row) => row.id).sort());
    const worst = [...rows].sort((a, b) => (b.riskScore ?? 0) - (a.riskScore ?? 0))[0];
    const detail = await subject.service.getEvent(worst.id);
    expect(detail.score).toMatchObject({ eventId: worst.id, runId: run.id, risk: worst.riskScore, level: worst.risk });
    expect(detail.score?.components.map((component) => [component.name, component.used])).toEqual([
      ['rules', true],
      ['statistical', true],
      ['isolation-forest', true],
      ['autoencoder', false],
    ]);
    expect(detail.score?.reasons.length).toBeGreaterThan(0);
    for (const reason of detail.score?.reasons ?? []) expect(reason.text.length).toBeGreaterThan(10);
    // Rule reasons (the attack, with its numbers) come before the models' percentiles.
    const isModel = (rule: string): boolean => ['statistical_risk', 'isolation_forest', 'autoencoder'].includes(rule);
    const order = (detail.score?.reasons ?? []).map((reason) => isModel(reason.rule));
    expect(order).toEqual([...order].sort((a, b) => Number(a) - Number(b)));
  });

  it('groups alerts into incidents: every alert in exactly one, a brute-force burst in one', async () => {
    const threshold = (await subject.service.getSettings()).challengeThreshold;
    const alerts = (await allEvents()).filter((row) => (row.riskScore ?? 0) >= threshold);
    const list = await subject.service.listIncidents({});
    expect(list).toMatchObject({ runId: run.id, threshold, total: list.incidents.length });
    expect(list.incidents.reduce((sum, incident) => sum + incident.alerts, 0)).toBe(alerts.length);
    const seen = new Set<number>();
    for (const incident of list.incidents) {
      const detail = await subject.service.getIncident(incident.id);
      for (const alert of detail.alerts) {
        expect(seen.has(alert.eventId)).toBe(false);
        seen.add(alert.eventId);
      }
    }
    expect(seen).toEqual(new Set(alerts.map((row) => row.id)));
    // The generator's brute-force burst: many alerts on one account from one address, one incident.
    const burst = list.incidents.find((incident) => incident.rules.includes('brute_force') && incident.alerts >= 10);
    expect(burst).toMatchObject({ userCount: 1 });
    const overview = await subject.service.riskOverview();
    expect(Object.values(overview?.alertsByLevel ?? {}).reduce((sum, count) => sum + count, 0)).toBe(alerts.length);
    expect(overview?.incidentsByStatus.new).toBe(list.total);
    const timeline = await subject.service.timeline(null, 'auto');
    expect(timeline.risk?.points.reduce((sum, point) => sum + point.alerts, 0)).toBe(alerts.length);
    // Zoomed in to the busiest hour, the series starts from that hour's events instead of from every alert: same counts.
    const busiest = timeline.risk!.points.reduce((best, point, index) => (point.alerts > timeline.risk!.points[best].alerts ? index : best), 0);
    const hour = { from: timeline.points[busiest].start, to: timeline.points[busiest].start + 3_600_000 };
    const zoomed = await subject.service.timeline(hour, 'hour');
    const inHour = alerts.filter((row) => row.time >= hour.from && row.time < hour.to);
    expect(inHour.length).toBeGreaterThan(0);
    expect(zoomed.risk?.points).toEqual([{ alerts: inHour.length, maxRisk: Math.max(...inHour.map((row) => row.riskScore ?? 0)), level: expect.any(String) }]);
  });

  it('keeps triage with a note, through a threshold change and a retraining', async () => {
    const list = await subject.service.listIncidents({});
    const target = [...list.incidents].sort((a, b) => b.maxRisk - a.maxRisk)[0];
    const updated = await subject.service.updateIncident(target.id, { status: 'acknowledged', note: 'calling the user' });
    expect(updated).toMatchObject({ id: target.id, status: 'acknowledged', noteCount: 1 });
    expect((await subject.service.getIncident(target.id)).notes).toEqual([expect.objectContaining({ status: 'acknowledged', text: 'calling the user', actor: 'test' })]);
    expect((await subject.service.listIncidents({ status: 'acknowledged' })).incidents.map((incident) => incident.id)).toEqual([target.id]);
    const firstEvent = (await subject.service.getIncident(target.id)).alerts[0].eventId;

    const settings = await subject.service.getSettings();
    await subject.service.setSettings({ challengeThreshold: Math.min(settings.blockThreshold - 1, Math.floor(target.maxRisk) - 1) });
    const raised = await subject.service.listIncidents({ status: 'acknowledged' });
    expect(raised.incidents).toHaveLength(1);
    expect(raised.total).toBeLessThanOrEqual(list.total);
    await subject.service.setSettings({ challengeThreshold: list.threshold });

    const training = subject.service.trainModels(options);
    // One training at a time, and no import while it writes.
    await expect(subject.service.trainModels(options)).rejects.toMatchObject({ name: 'Busy' });
    await expect(subject.service.importFiles(['/nonexistent.csv'], {})).rejects.toMatchObject({ name: 'Busy' });
    expect((await subject.service.trainingStatus()).active).toMatchObject({ options });
    const second = await training;
    const after = await subject.service.listIncidents({ status: 'acknowledged' });
    expect(after.runId).toBe(second.id);
    const carried = after.incidents.find((incident) => incident.runId === second.id);
    expect(carried).toBeDefined();
    const detail = await subject.service.getIncident(carried?.id ?? 0);
    expect(detail.alerts.map((alert) => alert.eventId)).toContain(firstEvent);
    expect(detail.notes.map((note) => note.text)).toEqual(['calling the user']);
  });

  it('exports incidents as CSV, JSON and an HTML report', async () => {
    const list = await subject.service.listIncidents({});
    const csv = await subject.service.exportIncidents('csv', {});
    expect(csv.fileName).toMatch(/\.csv$/);
    expect(csv.content.trimEnd().split('\r\n')).toHaveLength(list.total + 1);
    const json = await subject.service.exportIncidents('json', { minimumLevel: 'critical' });
    const document = JSON.parse(json.content) as { incidents: { level: string; alerts: unknown[] }[] };
    expect(document.incidents.length).toBeGreaterThan(0);
    expect(document.incidents.every((incident) => incident.level === 'critical' && Array.isArray(incident.alerts))).toBe(true);
    const html = await subject.service.exportIncidents('html', {});
    expect(html.mimeType).toBe('text/html');
    expect(html.content).toContain('Vigil incident report');
    expect(html.content).not.toMatch(/<script/i);
    expect(riskLevels).toContain(list.incidents[0].level);
  });

  it('silences an allow-listed address: its alerts leave incidents, counts and timeline, its events and scores stay', async () => {
    const threshold = (await subject.service.getSettings()).challengeThreshold;
    const before = await subject.service.listIncidents({});
    const burst = before.incidents.find((incident) => incident.rules.includes('brute_force') && incident.ipCount === 1)!;
    const address = burst.ips[0];
    const fromAddress = (await allEvents({ ip: address })).filter((row) => (row.riskScore ?? 0) >= threshold);
    expect(fromAddress.length).toBeGreaterThan(0);
    const total = async (): Promise<number> => (await subject.service.listIncidents({})).incidents.reduce((sum, incident) => sum + incident.alerts, 0);
    const alertsBefore = await total();

    await expect(subject.service.addAllowListEntry({ kind: 'ip', value: 'not-an-address', note: '' })).rejects.toMatchObject({ name: 'ValidationError' });
    const entry = await subject.service.addAllowListEntry({ kind: 'ip', value: `${address}/32`, note: 'our scanner' });
    expect(entry).toMatchObject({ kind: 'ip', value: address, note: 'our scanner', createdBy: 'test' });
    expect(await subject.service.listAllowList()).toEqual([entry]);
    expect(await total()).toBe(alertsBefore - fromAddress.length);
    const after = await subject.service.listIncidents({});
    expect(after.incidents.some((incident) => incident.ips.includes(address))).toBe(false);
    const overview = await subject.service.riskOverview();
    expect(Object.values(overview?.alertsByLevel ?? {}).reduce((sum, count) => sum + count, 0)).toBe(alertsBefore - fromAddress.length);
    expect(overview?.topIps.some((row) => row.ip === address)).toBe(false);
    const timeline = await subject.service.timeline(null, 'auto');
    expect(timeline.risk?.points.reduce((sum, point) => sum + point.alerts, 0)).toBe(alertsBefore - fromAddress.length);
    // Not hidden: the events and their risk are still there.
    expect((await allEvents({ ip: address })).filter((row) => (row.riskScore ?? 0) >= threshold)).toHaveLength(fromAddress.length);

    expect(await subject.service.removeAllowListEntry(entry.id)).toEqual([]);
    expect(await total()).toBe(alertsBefore);
    await expect(subject.service.removeAllowListEntry(entry.id)).rejects.toMatchObject({ name: 'NotFound' });
  });

  it('lists account locks, in force first, and lifts them with an audit entry', async () => {
    const now = Date.now();
    insertLockout(subject.db, { user: 'old', lockedAt: now - 7_200_000, until: now - 3_600_000, reason: '12 failed logins in 10 min' });
    insertLockout(subject.db, { user: 'alice', lockedAt: now - 60_000, until: now + 840_000, reason: '10 failed logins in 10 min' });
    const locks = await subject.service.listLockouts();
    expect(locks.map((lock) => [lock.user, lock.active])).toEqual([
      ['alice', true],
      ['old', false],
    ]);
    const lifted = await subject.service.liftLockout('alice');
    expect(lifted.find((lock) => lock.user === 'alice')).toMatchObject({ active: false, liftedBy: 'test' });
    expect(activeLockout(subject.db, 'alice', Date.now())).toBeUndefined();
    expect(listAudit(subject.db).find((row) => row.action === 'lockout.lift')?.detail).toBe(JSON.stringify({ user: 'alice', locks: 1 }));
    await expect(subject.service.liftLockout('nobody')).rejects.toMatchObject({ name: 'NotFound' });
  });
});
