import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VigilEvent } from '../../../src-shared/api.js';
import { createService, type CaseService } from '../service.js';
import { seedCase, type SeededCase } from '../store/queries/__tests__/seed.js';

const header =
  'index,Login Timestamp,User ID,Round-Trip Time [ms],IP Address,Country,Region,City,ASN,User Agent String,Browser Name and Version,OS Name and Version,Device Type,Login Successful,Is Attack IP,Is Account Takeover';
const rows = [
  '0,2026-01-05 08:00:00.000,1001,,192.0.2.10,NO,-,Oslo,2119,Mozilla/5.0,Chrome 120.0,Windows 10,desktop,True,False,False',
  '1,2026-01-05 08:05:00.000,1002,,198.51.100.7,US,-,-,7922,Mozilla/5.0,Firefox 121.0,Linux,desktop,False,True,False',
  '2,2026-01-05 09:00:00.000,1001,,192.0.2.10,NO,-,Oslo,2119,Mozilla/5.0,Chrome 120.0,Windows 10,desktop,True,False,False',
];

let seeded: SeededCase;
let service: CaseService;
let events: VigilEvent[];

function start(): string {
  seeded = seedCase();
  events = [];
  service = createService({ db: seeded.db, path: seeded.path, mode: 'server', emit: (event) => events.push(event) });
  const file = join(dirname(seeded.path), 'logins.csv');
  writeFileSync(file, [header, ...rows].join('\n') + '\n');
  return file;
}

afterEach(async () => {
  await service.dispose();
  seeded.remove();
});

describe('the case service', () => {
  it('imports with pushed progress, then answers from the new data', async () => {
    const file = start();
    const statistics = (): number => (seeded.db.prepare(`SELECT COUNT(*) AS count FROM sqlite_master WHERE name = 'sqlite_stat1'`).get() as { count: number }).count;
    expect(statistics()).toBe(0);
    expect((await service.overview()).events).toBe(0);
    const [summary] = await service.importFiles([file], { format: 'rba' });
    expect(summary.eventsImported).toBe(3);
    const types = events.map((event) => event.type);
    expect(types).toContain('importProgress');
    expect(types.slice(-3)).toEqual(['importFileFinished', 'importFinished', 'caseChanged']);
    // The overview was cached before the import; the import must invalidate it.
    expect(await service.overview()).toMatchObject({ events: 3, users: 2, failures: 1 });
    const info = await service.caseInfo();
    expect(info.counts.events).toBe(3);
    // The planner's statistics were refreshed after the import (in a worker, not on this thread).
    expect(statistics()).toBe(1);
    expect((seeded.db.prepare(`SELECT COUNT(*) AS count FROM sqlite_stat1 WHERE tbl = 'event_rows'`).get() as { count: number }).count).toBeGreaterThan(0);
    // The size on disk counts what the write-ahead log holds until a checkpoint.
    expect(info.sizeBytes).toBe(['', '-wal'].reduce((total, suffix) => total + (existsSync(seeded.path + suffix) ? statSync(seeded.path + suffix).size : 0), 0));
    expect(info.sizeBytes).toBeGreaterThan(statSync(seeded.path).size);
    const page = await service.queryEvents({ user: '1001' }, { after: null, limit: 10 });
    expect(page.rows).toHaveLength(2);
    expect((await service.getEvent(page.rows[0].id)).event.raw).toContain('2026-01-05 09:00:00.000,1001');
  });

  it('runs one import at a time', async () => {
    const file = start();
    const first = service.importFiles([file], {});
    await expect(service.importFiles([file], {})).rejects.toMatchObject({ name: 'Busy' });
    await first;
  });

  it('reports a failed import as ImportError and says so in an event', async () => {
    start();
    await expect(service.importFiles(['/nonexistent/file.log'], {})).rejects.toMatchObject({ name: 'ImportError' });
    const finished = events.find((event) => event.type === 'importFinished');
    expect(finished).toMatchObject({ error: { name: 'ImportError' } });
  });

  it('validates settings as a whole and keeps them', async () => {
    start();
    await expect(service.setSettings({ blockThreshold: 30 })).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(service.setSettings({ importTimeZone: 'Mars/Olympus' })).rejects.toMatchObject({ name: 'ValidationError' });
    expect(await service.setSettings({ importTimeZone: 'Europe/Oslo' })).toMatchObject({ importTimeZone: 'Europe/Oslo' });
    expect((await service.getSettings()).importTimeZone).toBe('Europe/Oslo');
  });

  it('keeps the alert policy and channels, refuses an unknown quiet-hours zone and never stores a mail password', async () => {
    start();
    const policy = { minimumLevel: 'high' as const, rules: ['brute_force'], users: [], quietHours: { from: '22:00', to: '07:00', timeZone: 'Europe/Oslo' }, incidentWindowMinutes: 15 };
    await expect(service.setSettings({ alertPolicy: { ...policy, quietHours: { ...policy.quietHours, timeZone: 'Mars/Olympus' } } })).rejects.toMatchObject({ name: 'ValidationError' });
    const email = { host: '127.0.0.1', port: 2525, secure: false, from: 'vigil@example.org', to: ['soc@example.org'], username: 'vigil', password: 'hunter2' };
    const saved = await service.setSettings({ alertPolicy: policy, alertChannels: { desktop: false, email, webhooks: [{ url: 'http://127.0.0.1:9/hook', style: 'slack' }] } });
    expect(saved.alertPolicy).toEqual(policy);
    expect(saved.alertChannels.email).toEqual({ host: '127.0.0.1', port: 2525, secure: false, from: 'vigil@example.org', to: ['soc@example.org'], username: 'vigil' });
    expect(await service.getSettings()).toEqual(saved);
    const audit = seeded.db.prepare(`SELECT detail FROM audit`).pluck().all() as string[];
    expect(audit.some((detail) => detail.includes('hunter2'))).toBe(false);
  });

  it('answers honestly for what this build and mode cannot do', async () => {
    start();
    const info = await service.caseInfo();
    expect(info.capabilities.switchCase.available).toBe(false);
    expect(info.capabilities.detection).toEqual({ available: true, reason: null });
    await expect(service.openCase('/tmp/other.vigil')).rejects.toMatchObject({ name: 'NotAvailable' });
    await expect(service.exportCase('/tmp/copy.vigil')).rejects.toMatchObject({ name: 'NotAvailable' });
    await expect(service.getEvent(12345)).rejects.toMatchObject({ name: 'NotFound' });
    await expect(service.userProfile('nobody')).rejects.toMatchObject({ name: 'NotFound' });
  });

  it('has nothing scored, alerting or to train on in an empty case, and says so', async () => {
    start();
    await expect(service.trainModels({ seed: 1, models: { freeman: true, forest: false, autoencoder: false } })).rejects.toMatchObject({ name: 'ValidationError' });
    expect(await service.listModelRuns()).toEqual([]);
    expect(await service.riskOverview()).toBeNull();
    expect(await service.listIncidents({})).toMatchObject({ runId: null, incidents: [], total: 0 });
    expect((await service.trainingStatus()).latestRunId).toBeNull();
    await expect(service.runEvaluation(1)).rejects.toMatchObject({ name: 'NotFound' });
    await expect(service.getIncident(1)).rejects.toMatchObject({ name: 'NotFound' });
  });
});
