import { alertStatuses, riskLevels, type AlertStatus, type RiskLevel, type RiskOverview } from '../../../../src-shared/api.js';
import { notAllowListed } from '../allowlist.js';
import type { CaseDatabase } from '../database.js';
import { runParameters, toRiskLevel } from './model-runs.js';
import { riskAtLeast, riskAtLeastWith } from './risk-at-least.js';

/** Rows in each top-N table. */
export const riskTopLimit = 10;

/**
 * A run's alerts (allow-listed logins left out) at a glance (1.4 s on 1.9M scores of which 155k alert:
 * cache it). Level counts are range counts per level boundary when the run recorded its boundaries: from
 * the scores_run_risk index above 'low', and every score of the run for the total; everything else reads
 * the alerts only.
 */
export function riskOverview(db: CaseDatabase, runId: number, threshold: number): RiskOverview {
  const allowed = notAllowListed(db);
  const alertCondition = allowed ? ` AND ${allowed.sql}` : '';
  const alerts = riskAtLeast(db, runId, threshold);
  const finishedAt = db.prepare(`SELECT finished_at FROM model_runs WHERE id = ?`).pluck().get(runId) as number | null;
  const alertRows = db
    .prepare(
      allowed
        ? `SELECT scores.level AS level, COUNT(*) AS count FROM scores CROSS JOIN events ON events.id = scores.event_id WHERE scores.run_id = ? AND ${alerts}${alertCondition} GROUP BY scores.level`
        : `SELECT level, COUNT(*) AS count FROM scores WHERE scores.run_id = ? AND ${alerts} GROUP BY level`,
    )
    .all(runId, threshold) as { level: string; count: number }[];
  const topUsers = db
    .prepare(
      `SELECT events.user AS user, COUNT(*) AS alerts, MAX(scores.risk) AS maxRisk
       FROM scores CROSS JOIN events ON events.id = scores.event_id
       WHERE scores.run_id = ? AND ${alerts}${alertCondition} GROUP BY events.user ORDER BY alerts DESC, maxRisk DESC, user LIMIT ?`,
    )
    .all(runId, threshold, riskTopLimit) as RiskOverview['topUsers'];
  const topIps = db
    .prepare(
      `SELECT events.ip AS ip, COUNT(*) AS alerts, COUNT(DISTINCT events.user) AS users, MAX(scores.risk) AS maxRisk
       FROM scores CROSS JOIN events ON events.id = scores.event_id
       WHERE scores.run_id = ? AND ${alerts} AND events.ip IS NOT NULL${alertCondition} GROUP BY events.ip ORDER BY alerts DESC, maxRisk DESC, ip LIMIT ?`,
    )
    .all(runId, threshold, riskTopLimit) as RiskOverview['topIps'];
  const alertsByLevel = zeroLevels();
  for (const row of alertRows) alertsByLevel[toRiskLevel(row.level)] += row.count;
  return { runId, finishedAt, threshold, levels: levelCounts(db, runId), alertsByLevel, incidentsByStatus: incidentStatusCounts(db, runId), topUsers, topIps };
}

/** A run's incidents per status (changes with every triage action, so callers caching the overview refresh it). */
export function incidentStatusCounts(db: CaseDatabase, runId: number): Record<AlertStatus, number> {
  const rows = db.prepare(`SELECT status, COUNT(*) AS count FROM incidents WHERE run_id = ? GROUP BY status`).all(runId) as { status: string; count: number }[];
  const counts = Object.fromEntries(alertStatuses.map((status) => [status, 0])) as Record<AlertStatus, number>;
  for (const row of rows) if (row.status in counts) counts[row.status as AlertStatus] = row.count;
  return counts;
}

/** Every score of a run per level. */
function levelCounts(db: CaseDatabase, runId: number): Record<RiskLevel, number> {
  const counts = zeroLevels();
  const starts = runParameters(db, runId).levelStarts;
  if (!starts) {
    const rows = db.prepare(`SELECT level, COUNT(*) AS count FROM scores WHERE run_id = ? GROUP BY level`).all(runId) as { level: string; count: number }[];
    for (const row of rows) counts[toRiskLevel(row.level)] += row.count;
    return counts;
  }
  let above = 0;
  // From the top level down: each level holds the scores from its start up to the next level's start.
  for (const level of [...riskLevels].reverse()) {
    const count = db.prepare(`SELECT COUNT(*) FROM scores WHERE scores.run_id = ? AND ${riskAtLeastWith(starts[level], starts)}`).pluck().get(runId, starts[level]) as number;
    counts[level] = count - above;
    above = count;
  }
  return counts;
}

function zeroLevels(): Record<RiskLevel, number> {
  return { low: 0, medium: 0, high: 0, critical: 0 };
}
