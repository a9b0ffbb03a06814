import type { AlertStatus } from './alerts.js';
import type { RiskLevel } from './detection.js';

/** The case at a glance: volumes, time span, outcomes, and where failures come from. */
export interface Overview {
  events: number;
  users: number;
  sources: number;
  distinctIps: number;
  /** First and last event time (UTC ms); null in an empty case. */
  from: number | null;
  to: number | null;
  successes: number;
  failures: number;
  /** Users with the most failed logins. */
  topUsersByFailures: { user: string; failures: number; events: number }[];
  /** Addresses with the most failed logins, and how many users they tried. */
  topIpsByFailures: { ip: string; failures: number; events: number; users: number }[];
  /** Events per country (null country counted as "unknown"). */
  countries: { country: string | null; events: number; failures: number }[];
}

/** The newest complete run at a glance: alerts by level and status, and who and where they come from. */
export interface RiskOverview {
  runId: number;
  finishedAt: number | null;
  /** Risk at or above which a login alerts (the challenge threshold in Settings). */
  threshold: number;
  /** Every scored event per level. */
  levels: Record<RiskLevel, number>;
  /** Alerts (events at or above the threshold) per level. */
  alertsByLevel: Record<RiskLevel, number>;
  incidentsByStatus: Record<AlertStatus, number>;
  /** Users with the most alerts. */
  topUsers: { user: string; alerts: number; maxRisk: number }[];
  /** Addresses with the most alerts, and how many users they touched. */
  topIps: { ip: string; alerts: number; users: number; maxRisk: number }[];
}
