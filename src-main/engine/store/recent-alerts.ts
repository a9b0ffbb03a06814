import type { CaseDatabase } from './database.js';
import { riskAtLeast } from './queries/risk-at-least.js';

/** A scored event at or above a risk threshold, as the risk API lists it. */
export interface RecentAlertRow {
  event_id: number;
  ts: number;
  user: string;
  ip: string | null;
  outcome: number;
  country: string | null;
  city: string | null;
  risk: number;
  level: string;
  decision: string;
  reasons: string;
}

/** The newest scored events of a run with risk at or above `threshold`, newest first. */
export function recentAlerts(db: CaseDatabase, runId: number, threshold: number, limit: number): RecentAlertRow[] {
  return db
    .prepare(
      `SELECT events.id AS event_id, events.ts, events.user, events.ip, events.outcome, events.country, events.city,
              scores.risk, scores.level, scores.decision, scores.reasons
       FROM scores JOIN events ON events.id = scores.event_id
       WHERE scores.run_id = ? AND ${riskAtLeast(db, runId, threshold)}
       ORDER BY events.ts DESC, events.id DESC LIMIT ?`,
    )
    .all(runId, threshold, limit) as RecentAlertRow[];
}
