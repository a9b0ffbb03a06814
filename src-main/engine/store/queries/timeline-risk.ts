import type { TimelineRisk } from '../../../../src-shared/api.js';
import { notAllowListed } from '../allowlist.js';
import type { CaseDatabase } from '../database.js';
import { toRiskLevel } from './model-runs.js';
import { riskAtLeast } from './risk-at-least.js';

/** Which run's alerts to count, and from what risk on a score alerts. */
export interface Alerting {
  runId: number;
  threshold: number;
}

/** The buckets of a timeline: `slots` buckets of `size` ms from `firstStart`, counting events in [from, to). */
export interface TimelineBuckets {
  firstStart: number;
  size: number;
  slots: number;
  from: number;
  to: number;
}

/**
 * Alerts (not allow-listed) per bucket with the highest risk among them and its level. Starts from whichever
 * side is smaller: the run's scores at or above the threshold (the scores_run_risk index), or the events in
 * the range (the events_ts index), so a zoomed-in timeline does not read every alert of the case (one day of
 * 5M events: 0.2 s, against 5 s from the alerts).
 */
export function alertSeries(db: CaseDatabase, alerting: Alerting, buckets: TimelineBuckets): TimelineRisk {
  const allowed = notAllowListed(db);
  const atLeast = riskAtLeast(db, alerting.runId, alerting.threshold);
  const alerts = db.prepare(`SELECT COUNT(*) FROM scores WHERE scores.run_id = ? AND ${atLeast}`).pluck().get(alerting.runId, alerting.threshold) as number;
  const inRange = db
    .prepare(`SELECT COUNT(*) FROM (SELECT 1 FROM event_rows WHERE ts >= ? AND ts < ? LIMIT ?)`)
    .pluck()
    .get(buckets.from, buckets.to, alerts) as number;
  const from = inRange < alerts ? `events CROSS JOIN scores ON scores.event_id = events.id` : `scores CROSS JOIN events ON events.id = scores.event_id`;
  const rows = db
    .prepare(
      // SQLite takes the bare column `level` from the row holding MAX(risk): the level of the worst alert.
      `SELECT (events.ts - CAST(? AS INTEGER)) / CAST(? AS INTEGER) AS slot, COUNT(*) AS alerts, MAX(scores.risk) AS max_risk, scores.level AS level
       FROM ${from}
       WHERE scores.run_id = ? AND ${atLeast} AND events.ts >= ? AND events.ts < ?${allowed ? ` AND ${allowed.sql}` : ''} GROUP BY slot`,
    )
    .all(buckets.firstStart, buckets.size, alerting.runId, alerting.threshold, buckets.from, buckets.to) as { slot: number; alerts: number; max_risk: number; level: string }[];
  const points: TimelineRisk['points'] = Array.from({ length: buckets.slots }, () => ({ alerts: 0, maxRisk: null, level: null }));
  for (const row of rows) {
    const point = points[row.slot];
    if (point) {
      point.alerts = row.alerts;
      point.maxRisk = row.max_risk;
      point.level = toRiskLevel(row.level);
    }
  }
  return { runId: alerting.runId, threshold: alerting.threshold, points };
}
