/**
 * A run's alerts in the case's incidents, kept by the thread that stores the run's live scores: the run's
 * stored alerts are grouped (unless they were at this threshold), then each batch of scored logins that
 * are alerts joins or opens incidents (`LiveIncidents`) in the transaction that stores their scores.
 */
import type { AlertPoint } from '../../../src-shared/incidents/group-alerts.js';
import type { DetectionLogin } from '../../../src-shared/detect/login.js';
import type { LoginVerdict } from '../response/run-scoring.js';
import type { CaseDatabase } from '../store/database.js';
import { ensureIncidents } from './derive-incidents.js';
import { LiveIncidents, type IncidentPlacement } from './live-incidents.js';
import { reachesThreshold } from './policy.js';

/** What makes a score an alert, and how far apart an incident's alerts may be. */
export interface IncidentSettings {
  threshold: number;
  windowMinutes: number;
}

/** A login of a batch whose verdict is an alert, and the incident it joined (null when it could not be recorded). */
export interface BatchAlert<Login extends DetectionLogin = DetectionLogin> {
  login: Login;
  verdict: LoginVerdict;
  placement: IncidentPlacement | null;
}

/** A batch's alerts, and why they could not be recorded in incidents, if so. */
export interface RecordedAlerts<Login extends DetectionLogin = DetectionLogin> {
  alerts: BatchAlert<Login>[];
  failure?: string;
}

/** The incidents of one run, as its scores are stored. */
export class RunIncidents {
  private readonly incidents: LiveIncidents;

  /** Groups the run's stored alerts (a write: call it in the thread's turn). */
  constructor(
    private readonly db: CaseDatabase,
    private readonly runId: number,
    private settings: IncidentSettings,
  ) {
    this.incidents = new LiveIncidents(db);
    this.group();
  }

  /** New settings; a changed threshold groups the run's alerts again (a write). */
  update(settings: IncidentSettings): void {
    const regroup = settings.threshold !== this.settings.threshold;
    this.settings = settings;
    if (regroup) this.group();
  }

  /**
   * Record those of the logins whose verdicts are alerts. Inside the scores' transaction this is a
   * savepoint: when it fails, the scores stay stored, the failure is returned and the session's memory of
   * placements starts again from the case.
   */
  record<Login extends DetectionLogin>(logins: readonly Login[], verdicts: readonly LoginVerdict[]): RecordedAlerts<Login> {
    const alerts: BatchAlert<Login>[] = [];
    verdicts.forEach((verdict, index) => {
      if (reachesThreshold(verdict.score, this.settings.threshold)) alerts.push({ login: logins[index], verdict, placement: null });
    });
    if (alerts.length === 0) return { alerts };
    try {
      const placements = this.incidents.record(this.runId, alerts.map(({ login, verdict }) => alertPoint(login, verdict)), this.settings.windowMinutes);
      for (const alert of alerts) alert.placement = placements.get(alert.login.id) ?? null;
      return { alerts };
    } catch (error) {
      this.incidents.regrouped(this.runId);
      return { alerts, failure: `cannot record alerts in incidents: ${(error as Error).message}` };
    }
  }

  private group(): void {
    ensureIncidents(this.db, this.runId, this.settings.threshold);
    this.incidents.regrouped(this.runId);
  }
}

/** A scored login as incident grouping reads it. */
function alertPoint(login: DetectionLogin, verdict: LoginVerdict): AlertPoint {
  const { score, reasons } = verdict;
  return { eventId: login.id, time: login.time, user: login.user, ip: login.ip, risk: score.risk, level: score.level, reasons: reasons.map((reason) => ({ rule: reason.rule, severity: reason.severity })) };
}
