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
