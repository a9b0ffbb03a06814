import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertPoint } from '../../../../src-shared/incidents/group-alerts.js';
import { openCase, type CaseDatabase } from '../../store/database.js';
import { createLiveSource } from '../../store/live-sources.js';
import { createModelRun, prepareScoreInsert } from '../../store/scores.js';
import { LiveIncidents, latestOpen } from '../live-incidents.js';

describe('latestOpen', () => {
  const alerts = { times: [10, 20, 20, 30, 40], incidents: [1, 2, 3, 2, 4] };
  const open = (closed: number[]) => (id: number) => !closed.includes(id);

  it('finds the incident of the newest alert in the window', () => {
    expect(latestOpen(alerts, 15, 35, open([]))).toBe(2);
    expect(latestOpen(alerts, 0, 100, open([]))).toBe(4);
    expect(latestOpen(alerts, 20, 20, open([]))).toBe(3);
  });

  it('passes over closed incidents and finds none outside the window', () => {
    expect(latestOpen(alerts, 15, 35, open([2]))).toBe(3);
    expect(latestOpen(alerts, 15, 35, open([2, 3]))).toBeNull();
    expect(latestOpen(alerts, 41, 50, open([]))).toBeNull();
    expect(latestOpen(alerts, 0, 9, open([]))).toBeNull();
    expect(latestOpen({ times: [], incidents: [] }, 0, 9, open([]))).toBeNull();
  });
});

describe('LiveIncidents', () => {
  const opened: CaseDatabase[] = [];
  afterEach(() => opened.splice(0).forEach((db) => db.close()));
  const minute = 60_000;

  /** A case with a run, and an event with a stored alert score per call of `alert`. */
  function caseWithRun(): { db: CaseDatabase; runId: number; alert: (user: string, ip: string, time: number) => AlertPoint } {
    const db = openCase(join(mkdtempSync(join(tmpdir(), 'vigil-live-incidents-')), 'case.vigil'));
    opened.push(db);
    const runId = createModelRun(db, { kind: 'ensemble', parameters: {}, seed: 1, windowStart: null, windowEnd: null });
    const sourceId = createLiveSource(db, { name: 'test', format: 'syslog', timeZone: 'UTC', year: 2026, assumptions: [] });
    const insertScore = prepareScoreInsert(db);
    let line = 0;
    const alert = (user: string, ip: string, time: number): AlertPoint => {
      line++;
      const eventId = Number(
        db.prepare(`INSERT INTO event_rows (ts, user, outcome, ip, source_id, line, record) VALUES (?, ?, 0, ?, ?, ?, ?)`).run(time, user, ip, sourceId, line, line).lastInsertRowid,
      );
      const reasons = [{ rule: 'brute_force', severity: 0.9 }];
      insertScore({ run_id: runId, event_id: eventId, risk: 80, level: 'high', decision: 'block', rules: 0.9, freeman: 0, forest: 0, autoencoder: 0, reasons: JSON.stringify(reasons) });
      return { eventId, time, user, ip, risk: 80, level: 'high', reasons };
    };
    return { db, runId, alert };
  }

  it("joins an alert to the open incident of the user's earlier alert from before the session, then of the address, and not to a resolved one", () => {
    const { db, runId, alert } = caseWithRun();
    const before = new LiveIncidents(db);
    before.regrouped(runId);
    const first = before.record(runId, [alert('alice', '203.0.113.1', 0)], 30).get(1)?.incidentId as number;
    const other = before.record(runId, [alert('bob', '198.51.100.2', 0)], 30).get(2)?.incidentId as number;
    expect(first).not.toBe(other);

    // A new session knows the incidents only from the case.
    const session = new LiveIncidents(db);
    session.regrouped(runId);
    const placed = session.record(runId, [alert('alice', '192.0.2.3', 20 * minute), alert('carol', '198.51.100.2', 25 * minute), alert('dave', '192.0.2.9', 60 * minute)], 30);
    expect([...placed.values()].map((placement) => placement.incidentId)).toEqual([first, other, expect.any(Number)]);
    expect(placed.get(5)?.incidentId).not.toBe(first);

    db.prepare(`UPDATE incidents SET status = 'resolved' WHERE id = ?`).run(first);
    const afterResolved = new LiveIncidents(db);
    afterResolved.regrouped(runId);
    const again = afterResolved.record(runId, [alert('alice', '192.0.2.4', 30 * minute)], 30).get(6)?.incidentId;
    expect(again).not.toBe(first);
  });
});
