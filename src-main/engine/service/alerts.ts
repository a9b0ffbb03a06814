import { alertStatuses, ApiError, type AlertStatus, type Incident, type IncidentFilter, type IncidentList, type RiskOverview, type VigilApi } from '../../../src-shared/api.js';
import { exportIncidents } from '../alerts/export-incidents.js';
import type { CaseDatabase } from '../store/database.js';
import { incidentDerivation } from '../store/incidents.js';
import { changeIncident, incidentAlerts, incidentById, incidentNotes } from '../store/queries/incidents.js';
import { latestCompleteRunId } from '../store/queries/model-runs.js';
import { incidentStatusCounts } from '../store/queries/risk-overview.js';
import { readSettings } from '../store/queries/settings.js';
import { incidentGapMinutes } from '../alerts/derive-incidents.js';
import type { CaseReader } from '../workers/run-reads.js';
import { groupRunAlerts } from './offload.js';

/** Incidents listed at most; the list says how many matched. */
export const incidentListLimit = 500;
/** Alerts listed at most in an incident. */
export const incidentAlertLimit = 500;
/** Incidents an export holds at most. */
export const incidentExportLimit = 100_000;
/** Alerts an export holds per incident at most (a month-long stuffing campaign can have more; the count says so). */
export const exportAlertLimit = 10_000;

/** The contract methods over alerts and incidents. */
export type AlertMethods = Pick<VigilApi, 'riskOverview' | 'listIncidents' | 'getIncident' | 'updateIncident' | 'exportIncidents'>;

/** What the alert methods share with the service. */
export interface AlertContext {
  db: CaseDatabase;
  path: string;
  actor: string;
  /** The service's cache, cleared when the data, the runs or the settings change. */
  remember<T>(key: string, compute: () => T): T;
  forget(key: string): void;
  /** Runs the long reads off the caller's thread. */
  reader: CaseReader;
}

/**
 * Alerts are the newest complete run's scores at or above the challenge threshold, grouped into
 * incidents after training (and again when the threshold changes), so triage always matches the settings.
 */
export function createAlertMethods({ db, path, actor, remember, forget, reader }: AlertContext): AlertMethods {
  /** The run and threshold alerts come from, with its incidents grouped; null before any run. */
  const current = async (): Promise<{ runId: number; threshold: number } | null> => {
    const runId = latestCompleteRunId(db);
    const threshold = readSettings(db).challengeThreshold;
    if (runId === null) return null;
    const derivation = incidentDerivation(db, runId);
    if (!derivation || derivation.threshold !== threshold || derivation.gapMinutes !== incidentGapMinutes) {
      // Concurrent callers share one grouping; the cache forgets it when settings or runs change, or when it fails.
      const key = `incidents:${runId}:${threshold}`;
      await remember(key, () => groupRunAlerts(db, path, runId, threshold)).catch((error: unknown) => {
        forget(key);
        throw error;
      });
    }
    return { runId, threshold };
  };

  const list = async (filter: IncidentFilter, limit: number): Promise<IncidentList> => {
    const source = await current();
    if (!source) {
      const byStatus = Object.fromEntries(alertStatuses.map((status) => [status, 0])) as Record<AlertStatus, number>;
      return { runId: null, threshold: readSettings(db).challengeThreshold, incidents: [], total: 0, limit, byStatus };
    }
    return { runId: source.runId, threshold: source.threshold, limit, ...(await reader.read('incidentList', source.runId, filter, limit)) };
  };

  const found = (id: number): Incident => {
    const incident = incidentById(db, id);
    if (!incident) throw new ApiError('NotFound', `no incident #${id} in this case`);
    return incident;
  };

  return {
    async riskOverview() {
      const source = await current();
      if (!source) return null;
      const key = `risk-overview:${source.runId}:${source.threshold}`;
      const overview = await remember(key, () =>
        reader.read('riskOverview', source.runId, source.threshold).catch((error: unknown) => {
          forget(key);
          throw error;
        }),
      );
      return { ...overview, incidentsByStatus: incidentStatusCounts(db, source.runId) } satisfies RiskOverview;
    },
    listIncidents: (filter) => list(filter, incidentListLimit),
    async getIncident(id) {
      const incident = found(id);
      return { incident, alerts: incidentAlerts(db, incident, incidentAlertLimit), alertLimit: incidentAlertLimit, notes: incidentNotes(db, id) };
    },
    async updateIncident(id, change) {
      found(id);
      changeIncident(db, id, change, actor);
      return found(id);
    },
    async exportIncidents(format, filter) {
      const incidents = await list(filter, incidentExportLimit);
      return exportIncidents(format, incidents, (incident) => ({ alerts: incidentAlerts(db, incident, exportAlertLimit), notes: incidentNotes(db, incident.id) }));
    },
  };
}
