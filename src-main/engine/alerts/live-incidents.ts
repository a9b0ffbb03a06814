/**
 * Live alerts into the case's incidents, the same table the batch grouping fills after training: an alert
 * joins the open incident (new or acknowledged) of the same user, or else of the same address, whose
 * latest alert is at most the window earlier; otherwise it opens a new incident. The incident's summary
 * is computed again from all its alerts; its status and notes are never touched. A later batch grouping
 * (a changed threshold, a new run) replaces these incidents as a whole and carries their triage over,
 * so nothing is counted twice.
 */
import { riskLevels, type RiskLevel } from '../../../src-shared/detect/ensemble.js';
import type { AlertPoint } from '../../../src-shared/incidents/group-alerts.js';
import { summariseIncident } from '../../../src-shared/incidents/summarise-incident.js';
import type { CaseDatabase } from '../store/database.js';
import { addIncidentEvents, insertIncident, latestOpenIncidentAlert, updateIncidentSummary } from '../store/incidents.js';
import { incidentAlertPoints } from '../store/queries/incidents.js';
import { toRiskLevel } from '../store/queries/model-runs.js';

/** Where an alert landed. */
export interface IncidentPlacement {
  incidentId: number;
  /** The incident's level with this batch's alerts in it. */
  level: RiskLevel;
  /** True when the incident is new or its level rose with this batch. */
  rose: boolean;
}

/** An incident touched by a batch. */
interface Touched {
  id: number;
  before: number;
  added: number[];
}

/**
 * Record a batch of alerts (in time order; their scores already stored for `runId`) into incidents, in
 * one transaction; returns each alert's placement by event id.
 */
export function recordLiveIncidents(db: CaseDatabase, runId: number, alerts: readonly AlertPoint[], windowMinutes: number): Map<number, IncidentPlacement> {
  const windowMs = windowMinutes * 60_000;
  return db.transaction(() => {
    const touched = new Map<number, Touched>();
    // Incidents this batch placed alerts in, by user and by address, with the latest alert's time.
    const byUser = new Map<string, { id: number; time: number }>();
    const byIp = new Map<string, { id: number; time: number }>();
    const placedIn = new Map<number, number>();
    for (const alert of alerts) {
      const recent = (entry: { id: number; time: number } | undefined) => (entry && alert.time - entry.time <= windowMs && alert.time >= entry.time ? entry.id : null);
      let incidentId = recent(byUser.get(alert.user));
      if (incidentId === null) {
        const stored = latestOpenIncidentAlert(db, runId, alert.user, alert.ip, alert.time - windowMs, alert.time);
        const fromBatch = alert.ip === null ? null : recent(byIp.get(alert.ip));
        incidentId = stored?.by === 'user' ? stored.incidentId : (fromBatch ?? stored?.incidentId ?? null);
        if (incidentId !== null && !touched.has(incidentId) && stored?.incidentId === incidentId) {
          touched.set(incidentId, { id: incidentId, before: riskLevels.indexOf(toRiskLevel(stored.level)), added: [] });
        }
      }
      if (incidentId === null) {
        incidentId = insertIncident(db, runId, { summary: summariseIncident([alert]), eventIds: [alert.eventId] });
        touched.set(incidentId, { id: incidentId, before: -1, added: [] });
      } else {
        (touched.get(incidentId) as Touched).added.push(alert.eventId);
      }
      placedIn.set(alert.eventId, incidentId);
      byUser.set(alert.user, { id: incidentId, time: alert.time });
      if (alert.ip !== null) byIp.set(alert.ip, { id: incidentId, time: alert.time });
    }
    const levels = new Map<number, { level: RiskLevel; rose: boolean }>();
    for (const incident of touched.values()) {
      addIncidentEvents(db, incident.id, incident.added);
      const members = incidentAlertPoints(db, incident.id, runId);
      const summary = summariseIncident(members);
      updateIncidentSummary(db, incident.id, summary);
      levels.set(incident.id, { level: summary.level, rose: riskLevels.indexOf(summary.level) > incident.before });
    }
    const placements = new Map<number, IncidentPlacement>();
    for (const [eventId, incidentId] of placedIn) placements.set(eventId, { incidentId, ...(levels.get(incidentId) as { level: RiskLevel; rose: boolean }) });
    return placements;
  })();
}
