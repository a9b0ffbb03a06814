/**
 * Live alerts into the case's incidents, the same table the batch grouping fills after training: an alert
 * joins the open incident (new or acknowledged) of the same user, or else of the same address, with an
 * alert at most the window earlier (or later, for an incident of this session: sources need not arrive
 * in time order); otherwise it opens a new incident. The incident's summary
 * is kept up to date (`IncidentTally`); its status and notes are never touched. A later batch grouping
 * (a changed threshold, a new run) replaces these incidents as a whole and carries their triage over,
 * so nothing is counted twice.
 */
import { riskLevels, type RiskLevel } from '../../../src-shared/detect/ensemble.js';
import type { AlertPoint } from '../../../src-shared/incidents/group-alerts.js';
import type { CaseDatabase } from '../store/database.js';
import { addIncidentEvents, insertIncident, openIncidentAlertsBy, openIncidentRun, updateIncidentSummary } from '../store/incidents.js';
import { incidentAlertPoints } from '../store/queries/incidents.js';
import { IncidentTally } from './incident-tally.js';

/** Where an alert landed. */
export interface IncidentPlacement {
  incidentId: number;
  /** The incident's level with this batch's alerts in it. */
  level: RiskLevel;
  /** True when the incident is new or its level rose with this batch. */
  rose: boolean;
}

/** The latest alert placed for a user or an address. */
interface Placed {
  id: number;
  time: number;
}

/** One user's or address's alerts in incidents: times in order, with their incidents. */
interface PlacedAlerts {
  times: number[];
  incidents: number[];
}

/** The alerts in a run's open incidents when they were grouped, by user and by address. */
interface EarlierAlerts {
  runId: number;
  byUser: Map<string, PlacedAlerts>;
  byIp: Map<string, PlacedAlerts>;
}

/** Incidents kept in memory at most (the least recently touched are read again from the case when needed). */
const tallyLimit = 2000;

/** Records live alerts of one session into incidents. */
export class LiveIncidents {
  private readonly byUser = new Map<string, Placed>();
  private readonly byIp = new Map<string, Placed>();
  private readonly tallies = new Map<number, IncidentTally>();

  /** Alerts in the run's incidents when they were grouped (`earlier.runId`); this session's own are in `byUser` and `byIp`. */
  private earlier: EarlierAlerts | null = null;

  constructor(private readonly db: CaseDatabase) {}

  /**
   * The run's incidents were grouped (at the session's start, for a new run, for a changed threshold):
   * forget what this session placed and read the incidents' alerts by user and by address from the case, once.
   */
  regrouped(runId: number): void {
    this.byUser.clear();
    this.byIp.clear();
    this.tallies.clear();
    this.earlier = earlierAlerts(this.db, runId);
  }

  /**
   * Record a batch of alerts (their scores stored for `runId`) in one transaction; returns each alert's
   * placement by event id. IMMEDIATE: it reads before it writes, and the live scorer writes the case too.
   */
  record(runId: number, alerts: readonly AlertPoint[], windowMinutes: number): Map<number, IncidentPlacement> {
    const windowMs = windowMinutes * 60_000;
    return this.db.transaction(() => {
      const touched = new Map<number, { before: number; added: number[] }>();
      const placedIn = new Map<number, number>();
      for (const alert of alerts) {
        let incidentId = this.find(runId, alert, windowMs);
        if (incidentId === null) incidentId = this.open(runId, alert, touched);
        else if (!touched.has(incidentId)) touched.set(incidentId, { before: riskLevels.indexOf(this.tally(incidentId, runId).summary().level), added: [] });
        const tally = this.tally(incidentId, runId);
        // An alert already in the incident (a catch-up score the batch grouping placed) is not counted twice.
        if (!tally.has(alert.eventId)) {
          (touched.get(incidentId) as { added: number[] }).added.push(alert.eventId);
          tally.add(alert);
        }
        placedIn.set(alert.eventId, incidentId);
        const placed = { id: incidentId, time: alert.time };
        remember(this.byUser, alert.user, placed);
        if (alert.ip !== null) remember(this.byIp, alert.ip, placed);
      }
      const levels = new Map<number, { level: RiskLevel; rose: boolean }>();
      for (const [id, entry] of touched) {
        addIncidentEvents(this.db, id, entry.added);
        const summary = this.tally(id, runId).summary();
        updateIncidentSummary(this.db, id, summary);
        levels.set(id, { level: summary.level, rose: riskLevels.indexOf(summary.level) > entry.before });
      }
      const placements = new Map<number, IncidentPlacement>();
      for (const [eventId, incidentId] of placedIn) placements.set(eventId, { incidentId, ...(levels.get(incidentId) as { level: RiskLevel; rose: boolean }) });
      this.trim();
      return placements;
    }).immediate();
  }

  /** The open incident this alert joins, or null. */
  private find(runId: number, alert: AlertPoint, windowMs: number): number | null {
    const isOpen = (id: number): boolean => openIncidentRun(this.db, id) === runId;
    const recent = (placed: Placed | undefined): number | null => {
      // Either side of it: alerts of several sources need not arrive in time order.
      if (!placed || Math.abs(alert.time - placed.time) > windowMs) return null;
      // Still there and open (a batch grouping replaces incidents; an analyst may have resolved it).
      return isOpen(placed.id) ? placed.id : null;
    };
    if (this.earlier?.runId !== runId) this.earlier = earlierAlerts(this.db, runId);
    const since = alert.time - windowMs;
    const earlierOf = (alerts: PlacedAlerts | undefined): number | null => (alerts ? latestOpen(alerts, since, alert.time, isOpen) : null);
    const ofUser = recent(this.byUser.get(alert.user)) ?? earlierOf(this.earlier.byUser.get(alert.user));
    if (ofUser !== null || alert.ip === null) return ofUser;
    return recent(this.byIp.get(alert.ip)) ?? earlierOf(this.earlier.byIp.get(alert.ip));
  }

  /** A new incident holding the alert (its tally starts empty: the alert is counted as it is placed). */
  private open(runId: number, alert: AlertPoint, touched: Map<number, { before: number; added: number[] }>): number {
    const first = new IncidentTally();
    first.add(alert);
    const id = insertIncident(this.db, runId, { summary: first.summary(), eventIds: [] });
    this.tallies.set(id, new IncidentTally());
    touched.set(id, { before: -1, added: [] });
    return id;
  }

  /** The tally of an incident, read from the case the first time this session touches it. */
  private tally(id: number, runId: number): IncidentTally {
    let tally = this.tallies.get(id);
    if (!tally) {
      tally = new IncidentTally();
      for (const point of incidentAlertPoints(this.db, id, runId)) tally.add(point);
      this.tallies.set(id, tally);
    } else {
      // Most recently used last, so trimming drops the coldest.
      this.tallies.delete(id);
      this.tallies.set(id, tally);
    }
    return tally;
  }

  private trim(): void {
    for (const id of this.tallies.keys()) {
      if (this.tallies.size <= tallyLimit) break;
      this.tallies.delete(id);
    }
  }
}

/** Keep the newest placement of a user or address (an older alert arriving late does not hide it). */
function remember(placements: Map<string, Placed>, key: string, placed: Placed): void {
  const known = placements.get(key);
  if (!known || known.id !== placed.id || placed.time >= known.time) placements.set(key, placed);
}

/** The alerts in a run's open incidents, by user and by address. */
function earlierAlerts(db: CaseDatabase, runId: number): EarlierAlerts {
  return { runId, byUser: grouped(openIncidentAlertsBy(db, runId, 'user')), byIp: grouped(openIncidentAlertsBy(db, runId, 'ip')) };
}

/** Rows `[key, time, incidentId]` ordered by key and time, grouped by key. */
function grouped(rows: readonly [string, number, number][]): Map<string, PlacedAlerts> {
  const byKey = new Map<string, PlacedAlerts>();
  let current: PlacedAlerts | undefined;
  let currentKey: string | null = null;
  for (const [key, time, incidentId] of rows) {
    if (key !== currentKey) {
      currentKey = key;
      current = { times: [], incidents: [] };
      byKey.set(key, current);
    }
    (current as PlacedAlerts).times.push(time);
    (current as PlacedAlerts).incidents.push(incidentId);
  }
  return byKey;
}

/** The incident of the newest alert with its time in [since, until] whose incident is open, or null. */
export function latestOpen(alerts: PlacedAlerts, since: number, until: number, isOpen: (incidentId: number) => boolean): number | null {
  // The first alert after `until`, by binary search; then back in time.
  let low = 0;
  let high = alerts.times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (alerts.times[middle] <= until) low = middle + 1;
    else high = middle;
  }
  const checked = new Set<number>();
  for (let index = low - 1; index >= 0 && alerts.times[index] >= since; index--) {
    const id = alerts.incidents[index];
    if (checked.has(id)) continue;
    if (isOpen(id)) return id;
    checked.add(id);
  }
  return null;
}
