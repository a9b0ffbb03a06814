import { riskLevels, type RiskLevel } from '../api/detection.js';
import type { AlertPoint } from './group-alerts.js';

/** Users and addresses kept by name on an incident; the counts stay complete. */
export const incidentNameLimit = 20;

/** What an incident says about its alerts. */
export interface IncidentSummary {
  title: string;
  level: RiskLevel;
  maxRisk: number;
  firstTime: number;
  lastTime: number;
  alerts: number;
  users: string[];
  userCount: number;
  ips: string[];
  ipCount: number;
  rules: string[];
}

/** Summarise one incident's alerts (in time order, at least one): its level, span, who, where, why, and a title. */
export function summariseIncident(alerts: readonly AlertPoint[]): IncidentSummary {
  const users = tally(alerts.map((alert) => alert.user));
  const ips = tally(alerts.flatMap((alert) => (alert.ip === null ? [] : [alert.ip])));
  const rules = rankRules(alerts);
  let maxRisk = -Infinity;
  let level = 0;
  for (const alert of alerts) {
    maxRisk = Math.max(maxRisk, alert.risk);
    level = Math.max(level, riskLevels.indexOf(alert.level));
  }
  // A rule names what happened; a model only says "unusual", so it names the incident only when alone.
  const naming = rules.find((rule) => !(rule in modelPhrases)) ?? rules[0] ?? null;
  return {
    title: incidentTitle(naming, users, ips),
    level: riskLevels[level],
    maxRisk,
    firstTime: alerts[0].time,
    lastTime: alerts[alerts.length - 1].time,
    alerts: alerts.length,
    users: users.slice(0, incidentNameLimit),
    userCount: users.length,
    ips: ips.slice(0, incidentNameLimit),
    ipCount: ips.length,
    rules,
  };
}

/** "Brute force: alice from 203.0.113.7", "Password spray: 14 users from 198.51.100.2", … */
export function incidentTitle(rule: string | null, users: readonly string[], ips: readonly string[]): string {
  const what = rule ? ruleName(rule) : 'High risk';
  const who = users.length === 1 ? users[0] : `${users.length} users`;
  const where = ips.length === 0 ? 'an unknown address' : ips.length === 1 ? ips[0] : `${ips.length} addresses`;
  return `${what}: ${who} from ${where}`;
}

/** What a model's reason means, as an incident's name. */
const modelPhrases: Record<string, string> = {
  statistical_risk: 'Rare for the user (statistical risk)',
  isolation_forest: 'Outlier (isolation forest)',
  autoencoder: 'Outlier (autoencoder)',
};

/** "brute_force" → "Brute force"; a model's reason → what it means. */
export function ruleName(rule: string): string {
  if (rule in modelPhrases) return modelPhrases[rule];
  const words = rule.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Rules by their summed severity over the alerts: in a brute-force burst each failure is also
 * "unfamiliar", but brute force counts more on each, so it names the incident.
 */
function rankRules(alerts: readonly AlertPoint[]): string[] {
  const totals = new Map<string, number>();
  for (const alert of alerts) {
    // The strongest mention per alert, so one alert listing a rule twice does not count double.
    const strongest = new Map<string, number>();
    for (const reason of alert.reasons) strongest.set(reason.rule, Math.max(strongest.get(reason.rule) ?? 0, reason.severity));
    for (const [rule, severity] of strongest) totals.set(rule, (totals.get(rule) ?? 0) + severity);
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([rule]) => rule);
}

/** Distinct values, most frequent first (ties in first-seen order). */
function tally(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([value]) => value);
}
