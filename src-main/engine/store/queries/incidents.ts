import {
  alertStatuses,
  riskLevels,
  type Alert,
  type AlertStatus,
  type Incident,
  type IncidentChange,
  type IncidentFilter,
  type IncidentNote,
} from '../../../../src-shared/api.js';
import type { AlertPoint } from '../../../../src-shared/incidents/group-alerts.js';
import { recordAudit } from '../audit.js';
import type { CaseDatabase } from '../database.js';
import { toDecision } from './event-scores.js';
import { toRiskLevel } from './model-runs.js';
import { whereClause, type SqlCondition } from './sql-condition.js';
import { parseReasons } from './stored-reasons.js';

interface IncidentRecord {
  id: number;
  run_id: number;
  title: string;
  level: string;
  max_risk: number;
  first_ts: number;
  last_ts: number;
  alerts: number;
  users: string;
  user_count: number;
  ips: string;
  ip_count: number;
  rules: string;
  status: string;
  updated_at: number | null;
  notes: number;
}

const incidentColumns = `incidents.*, (SELECT COUNT(*) FROM incident_notes WHERE incident_id = incidents.id) AS notes`;

/** A run's incidents matching a filter, newest first (at most `limit`), with the total and the count per status. */
export function incidentList(db: CaseDatabase, runId: number, filter: IncidentFilter, limit: number): { incidents: Incident[]; total: number; byStatus: Record<AlertStatus, number> } {
  const conditions = filterConditions(runId, filter);
  const where = whereClause(filter.status ? [...conditions, { sql: 'status = ?', parameters: [filter.status] }] : conditions);
  const records = db
    .prepare(`SELECT ${incidentColumns} FROM incidents ${where.sql} ORDER BY last_ts DESC, id DESC LIMIT ?`)
    .all(...where.parameters, limit) as IncidentRecord[];
  const total = db.prepare(`SELECT COUNT(*) FROM incidents ${where.sql}`).pluck().get(...where.parameters) as number;
  const unfiltered = whereClause(conditions);
  const counts = db.prepare(`SELECT status, COUNT(*) AS count FROM incidents ${unfiltered.sql} GROUP BY status`).all(...unfiltered.parameters) as { status: string; count: number }[];
  const byStatus = Object.fromEntries(alertStatuses.map((status) => [status, 0])) as Record<AlertStatus, number>;
  for (const row of counts) if (row.status in byStatus) byStatus[row.status as AlertStatus] = row.count;
  return { incidents: records.map(toIncident), total, byStatus };
}

/** One incident; null when there is none with this id. */
export function incidentById(db: CaseDatabase, id: number): Incident | null {
  const record = db.prepare(`SELECT ${incidentColumns} FROM incidents WHERE id = ?`).get(id) as IncidentRecord | undefined;
  return record ? toIncident(record) : null;
}

/** An incident's alerts in time order (at most `limit`), with their scores and reasons. */
export function incidentAlerts(db: CaseDatabase, incident: Incident, limit: number): Alert[] {
  const rows = db
    .prepare(
      `SELECT events.id AS eventId, events.ts AS time, events.user AS user, events.ip AS ip, events.outcome AS outcome, events.country AS country,
              events.label AS label, scores.risk AS risk, scores.level AS level, scores.decision AS decision, scores.reasons AS reasons
       FROM incident_events CROSS JOIN events ON events.id = incident_events.event_id
       LEFT JOIN scores ON scores.run_id = ? AND scores.event_id = events.id
       WHERE incident_events.incident_id = ? ORDER BY events.ts, events.id LIMIT ?`,
    )
    .all(incident.runId, incident.id, limit) as { eventId: number; time: number; user: string; ip: string | null; outcome: number; country: string | null; label: string | null; risk: number | null; level: string | null; decision: string | null; reasons: string | null }[];
  return rows.map((row) => ({
    eventId: row.eventId,
    time: row.time,
    user: row.user,
    ip: row.ip,
    outcome: row.outcome === 1 ? 'success' : 'failure',
    country: row.country,
    risk: row.risk ?? 0,
    level: toRiskLevel(row.level ?? 'low'),
    decision: toDecision(row.decision ?? 'allow'),
    reasons: parseReasons(row.reasons ?? '[]').sort((a, b) => b.severity - a.severity),
    label: row.label,
  }));
}

/** An incident's alerts as grouping reads them (with the run's scores), in time order: to summarise it again when alerts join. */
export function incidentAlertPoints(db: CaseDatabase, incidentId: number, runId: number): AlertPoint[] {
  const rows = db
    .prepare(
      `SELECT events.id AS eventId, events.ts AS time, events.user AS user, events.ip AS ip, scores.risk AS risk, scores.level AS level, scores.reasons AS reasons
       FROM incident_events CROSS JOIN events ON events.id = incident_events.event_id
       JOIN scores ON scores.run_id = ? AND scores.event_id = events.id
       WHERE incident_events.incident_id = ? ORDER BY events.ts, events.id`,
    )
    .all(runId, incidentId) as { eventId: number; time: number; user: string; ip: string | null; risk: number; level: string; reasons: string }[];
  return rows.map((row) => ({
    eventId: row.eventId,
    time: row.time,
    user: row.user,
    ip: row.ip,
    risk: row.risk,
    level: toRiskLevel(row.level),
    reasons: parseReasons(row.reasons).map((reason) => ({ rule: reason.rule, severity: reason.severity })),
  }));
}

/** An incident's triage history, oldest first. */
export function incidentNotes(db: CaseDatabase, id: number): IncidentNote[] {
  const rows = db.prepare(`SELECT ts AS time, actor, status, text FROM incident_notes WHERE incident_id = ? ORDER BY ts, id`).all(id) as (Omit<IncidentNote, 'status'> & { status: string })[];
  return rows.map((row) => ({ ...row, status: toStatus(row.status) }));
}

/** Set an incident's status and keep the action (with its note) in its history and the audit trail. */
export function changeIncident(db: CaseDatabase, id: number, change: IncidentChange, actor: string): void {
  const now = Date.now();
  db.transaction(() => {
    db.prepare(`UPDATE incidents SET status = ?, updated_at = ? WHERE id = ?`).run(change.status, now, id);
    db.prepare(`INSERT INTO incident_notes (incident_id, ts, actor, status, text) VALUES (?, ?, ?, ?, ?)`).run(id, now, actor, change.status, change.note?.trim() ?? '');
    recordAudit(db, actor, 'incident.update', { incident: id, status: change.status, note: change.note ?? '' });
  })();
}

function filterConditions(runId: number, filter: IncidentFilter): SqlCondition[] {
  const conditions: SqlCondition[] = [{ sql: 'run_id = ?', parameters: [runId] }];
  if (filter.minimumLevel) {
    const levels = riskLevels.slice(riskLevels.indexOf(filter.minimumLevel));
    conditions.push({ sql: `level IN (${levels.map(() => '?').join(', ')})`, parameters: [...levels] });
  }
  if (filter.user) {
    // The user's events (events_user_ts), then their incidents (incident_events_event).
    conditions.push({ sql: `id IN (SELECT incident_events.incident_id FROM events CROSS JOIN incident_events ON incident_events.event_id = events.id WHERE events.user = ?)`, parameters: [filter.user] });
  }
  return conditions;
}

function toIncident(record: IncidentRecord): Incident {
  return {
    id: record.id,
    runId: record.run_id,
    title: record.title,
    level: toRiskLevel(record.level),
    maxRisk: record.max_risk,
    status: toStatus(record.status),
    alerts: record.alerts,
    firstTime: record.first_ts,
    lastTime: record.last_ts,
    users: jsonStrings(record.users),
    userCount: record.user_count,
    ips: jsonStrings(record.ips),
    ipCount: record.ip_count,
    rules: jsonStrings(record.rules),
    noteCount: record.notes,
    updatedAt: record.updated_at,
  };
}

function toStatus(status: string): AlertStatus {
  return (alertStatuses as readonly string[]).includes(status) ? (status as AlertStatus) : 'new';
}

function jsonStrings(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}
