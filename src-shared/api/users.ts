import type { EventRow } from './events.js';

/** A user in a search result. */
export interface UserSummary {
  user: string;
  events: number;
  lastTime: number;
}

/** Where and how a user logs in: the behaviour an analyst compares a suspicious login against. */
export interface UserProfile {
  user: string;
  events: number;
  successes: number;
  failures: number;
  firstTime: number;
  lastTime: number;
  /** Logins per hour of week, UTC: 7 rows (Monday first) × 24 hours. */
  hourOfWeek: number[][];
  devices: { browser: string | null; os: string | null; deviceType: string | null; events: number; lastTime: number }[];
  countries: { country: string | null; events: number; failures: number; lastTime: number }[];
  networks: { network: string | null; asn: number | null; events: number; failures: number; lastTime: number }[];
  /** Distinct places with coordinates, for the map. */
  places: { latitude: number; longitude: number; city: string | null; country: string | null; events: number }[];
  /** The newest logins, newest first (at most `recentLimit`). */
  recent: EventRow[];
  recentLimit: number;
}
