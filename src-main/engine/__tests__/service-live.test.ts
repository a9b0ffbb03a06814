import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveStatus, RaisedAlert, VigilEvent } from '../../../src-shared/api.js';
import { detectionCase, type DetectionCase } from './detection-case.js';

let subject: DetectionCase;
const pushed: VigilEvent[] = [];

beforeAll(async () => {
  subject = await detectionCase((event) => pushed.push(event));
  await subject.service.trainModels({ seed: 3, models: { freeman: true, forest: { trees: 50, maxSamples: 256 }, autoencoder: false } });
}, 120_000);

afterAll(() => subject?.dispose());

/** Wait until a pushed event satisfies `test` (the live worker reports about once a second). */
async function until<T>(find: () => T | undefined, what: string, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const statuses = (): LiveStatus[] => pushed.flatMap((event) => (event.type === 'liveStatus' ? [event.status] : []));
const alerts = (): RaisedAlert[] => pushed.flatMap((event) => (event.type === 'alertRaised' ? [event.alert] : []));

describe('live collection through the service', () => {
  it('refuses what it cannot listen on and what it cannot find', async () => {
    await expect(subject.service.startLive({ kind: 'syslog-udp', address: 'not an address' })).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(subject.service.stopLive(999)).rejects.toMatchObject({ name: 'NotFound' });
    await expect(subject.service.startDemo({ scenario: 'all', listenerId: 999, speed: 10 })).rejects.toMatchObject({ name: 'NotFound' });
  });

  it('listens, scores a demo brute force as it arrives, pushes its alerts and status, locks the account and records an incident', async () => {
    const started = await subject.service.startLive({ kind: 'syslog-udp', address: '127.0.0.1:0' });
    const listener = started.listeners[0];
    expect(listener).toMatchObject({ kind: 'syslog-udp', received: 0 });
    expect(listener.address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect((await subject.service.caseInfo()).capabilities.live).toEqual({ available: true, reason: null });

    await subject.service.startDemo({ scenario: 'brute-force-takeover', listenerId: listener.id, speed: 200 });
    await until(() => statuses().find((status) => status.demo && !status.demo.running), 'the demo to finish');
    const final = await until(() => statuses().find((status) => status.demo && !status.demo.running && status.listeners[0]?.scored === status.demo.sent - status.listeners[0].rejected - status.listeners[0].ignored && status.listeners[0].received === status.demo.sent), 'every message stored and scored');
    expect(final.demo).toMatchObject({ scenario: 'brute-force-takeover', error: null });
    expect(final.scoring.runId).not.toBeNull();
    expect(final.listeners[0].dropped).toBe(0);

    const bruteForce = await until(() => alerts().find((alert) => alert.reasons.some((reason) => /failed logins|failures/.test(reason))), 'a brute-force alert');
    expect(bruteForce.incidentId).not.toBeNull();
    const locked = await until(() => alerts().find((alert) => alert.lockedUntil !== null), 'a lockout');
    expect(locked.decision).toBe('block');
    expect((await subject.service.listLockouts()).some((lock) => lock.user === locked.user && lock.active)).toBe(true);
    const incident = await subject.service.getIncident(bruteForce.incidentId!);
    expect(incident.alerts.map((alert) => alert.eventId)).toContain(bruteForce.eventId);

    const stopped = await subject.service.stopLive(listener.id);
    expect(stopped.listeners).toEqual([]);
  }, 120_000);
});
