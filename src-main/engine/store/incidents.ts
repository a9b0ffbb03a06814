import type { IncidentSummary } from '../../../src-shared/incidents/summarise-incident.js';
import type { CaseDatabase } from './database.js';
import { prepared } from './prepared.js';

/** How a run's incidents were derived. */
export interface IncidentDerivation {
  threshold: number;
  gapMinutes: number;
}

/** An incident to store: its summary and its alerts' event ids. */
export interface DerivedIncident {
  summary: IncidentSummary;
  eventIds: number[];
}

/** How a run's incidents were derived; null when they have not been. */
export function incidentDerivation(db: CaseDatabase, runId: number): IncidentDerivation | null {
  const row = db.prepare(`SELECT threshold, gap_minutes AS gapMinutes FROM incident_runs WHERE run_id = ?`).get(runId) as IncidentDerivation | undefined;
  return row ?? null;
}

/**
 * Store a run's incidents in place of any it had, in one transaction. Triage is not lost: each new
 * incident takes the status and notes of the triaged incident it shares most alerts with, from this run
 * (re-derived after a threshold change) or else from the run derived before it (a retraining).
 */
export function replaceIncidents(db: CaseDatabase, runId: number, derivation: IncidentDerivation, incidents: readonly DerivedIncident[]): void {
  const insertIncident = db.prepare(
    `INSERT INTO incidents (run_id, title, level, max_risk, first_ts, last_ts, alerts, users, user_count, ips, ip_count, rules)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare(`INSERT INTO incident_events (incident_id, event_id) VALUES (?, ?)`);
  // IMMEDIATE: it reads before it writes, and another connection (the live scorer) may write meanwhile.
  db.transaction(() => {
    // Ids only grow (AUTOINCREMENT), so everything inserted below is numbered at or above this.
    const firstNewId = (db.prepare(`SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'incidents'), 0) + 1`).pluck().get() as number) ?? 1;
    const hadOwn = db.prepare(`SELECT 1 FROM incidents WHERE run_id = ? LIMIT 1`).get(runId) !== undefined;
    const previousRun = hadOwn ? runId : (db.prepare(`SELECT MAX(run_id) FROM incident_runs WHERE run_id < ?`).pluck().get(runId) as number | null);
    for (const { summary, eventIds } of incidents) {
      const id = Number(
        insertIncident.run(
          runId,
          summary.title,
          summary.level,
          summary.maxRisk,
          summary.firstTime,
          summary.lastTime,
          summary.alerts,
          JSON.stringify(summary.users),
          summary.userCount,
          JSON.stringify(summary.ips),
          summary.ipCount,
          JSON.stringify(summary.rules),
        ).lastInsertRowid,
      );
      for (const eventId of eventIds) insertEvent.run(id, eventId);
    }
    if (previousRun !== null) carryTriage(db, previousRun, firstNewId);
    // Earlier incidents of this run are replaced, with their events and notes (explicitly: a connection
    // without foreign_keys = ON would skip the cascade).
    const replaced = `SELECT id FROM incidents WHERE run_id = ? AND id < ?`;
    db.prepare(`DELETE FROM incident_events WHERE incident_id IN (${replaced})`).run(runId, firstNewId);
    db.prepare(`DELETE FROM incident_notes WHERE incident_id IN (${replaced})`).run(runId, firstNewId);
    db.prepare(`DELETE FROM incidents WHERE run_id = ? AND id < ?`).run(runId, firstNewId);
    db.prepare(`INSERT OR REPLACE INTO incident_runs (run_id, threshold, gap_minutes, derived_at) VALUES (?, ?, ?, ?)`).run(
      runId,
      derivation.threshold,
      derivation.gapMinutes,
      Date.now(),
    );
  }).immediate();
}

/** Copy status and notes from `fromRun`'s triaged incidents to the new incidents (ids ≥ firstNewId) sharing most alerts with them. */
function carryTriage(db: CaseDatabase, fromRun: number, firstNewId: number): void {
  const overlaps = db
    .prepare(
      `SELECT fresh.incident_id AS freshId, old.id AS oldId, old.status AS status, old.updated_at AS updatedAt, COUNT(*) AS shared
       FROM incidents old
       JOIN incident_events previous ON previous.incident_id = old.id
       JOIN incident_events fresh ON fresh.event_id = previous.event_id AND fresh.incident_id >= ?
       WHERE old.run_id = ? AND old.id < ? AND (old.status != 'new' OR EXISTS (SELECT 1 FROM incident_notes WHERE incident_id = old.id))
       GROUP BY fresh.incident_id, old.id`,
    )
    .all(firstNewId, fromRun, firstNewId) as { freshId: number; oldId: number; status: string; updatedAt: number | null; shared: number }[];
  const best = new Map<number, (typeof overlaps)[number]>();
  for (const overlap of overlaps) {
    const current = best.get(overlap.freshId);
    if (!current || overlap.shared > current.shared) best.set(overlap.freshId, overlap);
  }
  const setStatus = db.prepare(`UPDATE incidents SET status = ?, updated_at = ? WHERE id = ?`);
  const copyNotes = db.prepare(`INSERT INTO incident_notes (incident_id, ts, actor, status, text) SELECT ?, ts, actor, status, text FROM incident_notes WHERE incident_id = ? ORDER BY id`);
  for (const overlap of best.values()) {
    setStatus.run(overlap.status, overlap.updatedAt, overlap.freshId);
    copyNotes.run(overlap.freshId, overlap.oldId);
  }
}

/** Forget how a run's incidents were derived, so they are derived again on next use (triage is kept, as above). */
export function forgetIncidentDerivation(db: CaseDatabase, runId: number): void {
  db.prepare(`UPDATE incident_runs SET threshold = -1 WHERE run_id = ?`).run(runId);
}

/**
 * Every alert in the run's open incidents (new or acknowledged) with a user or an address, ordered by it
 * and by time: `[user or address, time, incidentId]` rows. The live path reads these once when a run's
 * incidents are grouped, instead of searching a user's or a busy address's events (tens of thousands for
 * an office NAT) for each alert.
 */
export function openIncidentAlertsBy(db: CaseDatabase, runId: number, by: 'user' | 'ip'): [string, number, number][] {
  return prepared(db,
      `SELECT events.${by}, events.ts, incidents.id
       FROM incidents CROSS JOIN incident_events ON incident_events.incident_id = incidents.id CROSS JOIN events ON events.id = incident_events.event_id
       WHERE incidents.run_id = ? AND incidents.status IN ('new', 'acknowledged') AND events.${by} IS NOT NULL
       ORDER BY events.${by}, events.ts`,
    )
    .raw()
    .all(runId) as [string, number, number][];
}

/** Store a new incident of a run with its first alerts; returns its id. */
export function insertIncident(db: CaseDatabase, runId: number, incident: DerivedIncident): number {
  const { summary } = incident;
  const id = Number(
    prepared(db, 
        `INSERT INTO incidents (run_id, title, level, max_risk, first_ts, last_ts, alerts, users, user_count, ips, ip_count, rules)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(runId, summary.title, summary.level, summary.maxRisk, summary.firstTime, summary.lastTime, summary.alerts, JSON.stringify(summary.users), summary.userCount, JSON.stringify(summary.ips), summary.ipCount, JSON.stringify(summary.rules)).lastInsertRowid,
  );
  addIncidentEvents(db, id, incident.eventIds);
  return id;
}

/** Add alerts to an incident (an alert already in it is left as it is). */
export function addIncidentEvents(db: CaseDatabase, incidentId: number, eventIds: readonly number[]): void {
  const insert = prepared(db, `INSERT OR IGNORE INTO incident_events (incident_id, event_id) VALUES (?, ?)`);
  for (const eventId of eventIds) insert.run(incidentId, eventId);
}

/** Rewrite an incident's summary after alerts joined it; its status and notes stay. */
export function updateIncidentSummary(db: CaseDatabase, incidentId: number, summary: IncidentSummary): void {
  prepared(db, 
    `UPDATE incidents SET title = ?, level = ?, max_risk = ?, first_ts = ?, last_ts = ?, alerts = ?, users = ?, user_count = ?, ips = ?, ip_count = ?, rules = ? WHERE id = ?`,
  ).run(summary.title, summary.level, summary.maxRisk, summary.firstTime, summary.lastTime, summary.alerts, JSON.stringify(summary.users), summary.userCount, JSON.stringify(summary.ips), summary.ipCount, JSON.stringify(summary.rules), incidentId);
}

/** The ids of an incident's alerts. */
export function incidentEventIds(db: CaseDatabase, incidentId: number): number[] {
  return prepared(db, `SELECT event_id FROM incident_events WHERE incident_id = ?`).pluck().all(incidentId) as number[];
}

/** The run of an incident that is still open (new or acknowledged); null when it is closed or gone. */
export function openIncidentRun(db: CaseDatabase, incidentId: number): number | null {
  return (prepared(db, `SELECT run_id FROM incidents WHERE id = ? AND status IN ('new', 'acknowledged')`).pluck().get(incidentId) as number | undefined) ?? null;
}
