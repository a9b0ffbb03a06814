import type { AlertPoint } from '../../../../src-shared/incidents/group-alerts.js';
import { notAllowListed } from '../allowlist.js';
import type { CaseDatabase } from '../database.js';
import { toRiskLevel } from './model-runs.js';
import { riskAtLeast } from './risk-at-least.js';
import { parseReasons } from './stored-reasons.js';

/**
 * A run's alerts (scores at or above `threshold`, not covered by the allow-list) in time order, as
 * grouping reads them. The scores_run_risk index finds them without reading the other scores.
 */
export function loadAlertPoints(db: CaseDatabase, runId: number, threshold: number): AlertPoint[] {
  const allowed = notAllowListed(db);
  const rows = db
    .prepare(
      `SELECT scores.event_id AS eventId, events.ts AS time, events.user AS user, events.ip AS ip, scores.risk AS risk, scores.level AS level, scores.reasons AS reasons
       FROM scores CROSS JOIN events ON events.id = scores.event_id
       WHERE scores.run_id = ? AND ${riskAtLeast(db, runId, threshold)}${allowed ? ` AND ${allowed.sql}` : ''} ORDER BY events.ts, events.id`,
    )
    .all(runId, threshold) as { eventId: number; time: number; user: string; ip: string | null; risk: number; level: string; reasons: string }[];
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
