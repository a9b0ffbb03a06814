import { groupAlerts } from '../../../src-shared/incidents/group-alerts.js';
import { summariseIncident } from '../../../src-shared/incidents/summarise-incident.js';
import type { CaseDatabase } from '../store/database.js';
import { incidentDerivation, replaceIncidents } from '../store/incidents.js';
import { loadAlertPoints } from '../store/queries/alert-points.js';

/** Alerts of one user or one address closer together than this belong to one incident. */
export const incidentGapMinutes = 30;

/** Derive a run's incidents unless they were derived at this threshold already. */
export function ensureIncidents(db: CaseDatabase, runId: number, threshold: number): void {
  const current = incidentDerivation(db, runId);
  if (current && current.threshold === threshold && current.gapMinutes === incidentGapMinutes) return;
  deriveIncidents(db, runId, threshold);
}

/** Group a run's alerts (risk ≥ threshold) into incidents and store them, keeping earlier triage; returns how many. */
export function deriveIncidents(db: CaseDatabase, runId: number, threshold: number): number {
  const alerts = loadAlertPoints(db, runId, threshold);
  const groups = groupAlerts(alerts, incidentGapMinutes * 60_000);
  const incidents = groups.map((group) => {
    const members = group.map((index) => alerts[index]);
    return { summary: summariseIncident(members), eventIds: members.map((alert) => alert.eventId) };
  });
  replaceIncidents(db, runId, { threshold, gapMinutes: incidentGapMinutes }, incidents);
  return incidents.length;
}
