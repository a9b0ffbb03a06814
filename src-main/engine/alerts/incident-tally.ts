/**
 * An incident's summary kept up to date alert by alert, so a live incident that grows to thousands of
 * alerts (a long brute force) costs the same per alert as a small one. It gives what `summariseIncident`
 * gives for the same alerts (ties among equally frequent names aside, when alerts arrive out of time order).
 */
import { riskLevels } from '../../../src-shared/detect/ensemble.js';
import type { AlertPoint } from '../../../src-shared/incidents/group-alerts.js';
import { incidentNameLimit, incidentTitle, type IncidentSummary } from '../../../src-shared/incidents/summarise-incident.js';

/** Reasons given by models, not rules: they name an incident only when nothing else does (as in `summariseIncident`). */
const modelRules = new Set(['statistical_risk', 'isolation_forest', 'autoencoder']);

/** Running counts of one incident's alerts. */
export class IncidentTally {
  private readonly users = new Map<string, number>();
  private readonly ips = new Map<string, number>();
  private readonly rules = new Map<string, number>();
  private readonly events = new Set<number>();
  private count = 0;
  private maxRisk = -Infinity;
  private level = 0;
  private first = Infinity;
  private last = -Infinity;

  /** True when the alert of this event is counted already. */
  has(eventId: number): boolean {
    return this.events.has(eventId);
  }

  /** Count one alert. */
  add(alert: AlertPoint): void {
    this.events.add(alert.eventId);
    this.count++;
    this.users.set(alert.user, (this.users.get(alert.user) ?? 0) + 1);
    if (alert.ip !== null) this.ips.set(alert.ip, (this.ips.get(alert.ip) ?? 0) + 1);
    const strongest = new Map<string, number>();
    for (const reason of alert.reasons) strongest.set(reason.rule, Math.max(strongest.get(reason.rule) ?? 0, reason.severity));
    for (const [rule, severity] of strongest) this.rules.set(rule, (this.rules.get(rule) ?? 0) + severity);
    this.maxRisk = Math.max(this.maxRisk, alert.risk);
    this.level = Math.max(this.level, riskLevels.indexOf(alert.level));
    this.first = Math.min(this.first, alert.time);
    this.last = Math.max(this.last, alert.time);
  }

  /** The summary of the alerts counted so far (at least one). */
  summary(): IncidentSummary {
    const users = ranked(this.users);
    const ips = ranked(this.ips);
    const rules = ranked(this.rules);
    const naming = rules.find((rule) => !modelRules.has(rule)) ?? rules[0] ?? null;
    return {
      title: incidentTitle(naming, users, ips),
      level: riskLevels[this.level],
      maxRisk: this.maxRisk,
      firstTime: this.first,
      lastTime: this.last,
      alerts: this.count,
      users: users.slice(0, incidentNameLimit),
      userCount: users.length,
      ips: ips.slice(0, incidentNameLimit),
      ipCount: ips.length,
      rules,
    };
  }
}

/** Keys by value, highest first (ties in first-seen order). */
function ranked(counts: Map<string, number>): string[] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([key]) => key);
}
