import { z } from 'zod';
import type { LoginEvent, Outcome } from '../event.js';
import type { CountEstimate } from './common.js';
import type { EventScore, RiskLevel } from './detection.js';
import { riskLevels } from './detection.js';

/** What the Events view filters on. Every field is optional; all given fields must match. */
export const eventFilterSchema = z.object({
  from: z.number().int().nullable().optional(),
  to: z.number().int().nullable().optional(),
  user: z.string().max(256).optional(),
  /** One address (IPv4 or IPv6) or a CIDR block such as 203.0.113.0/24. */
  ip: z.string().max(64).optional(),
  country: z.string().max(64).optional(),
  outcome: z.enum(['success', 'failure']).optional(),
  /** Minimum risk level by the newest complete run; matches nothing while the case is not scored. */
  risk: z.enum(riskLevels).optional(),
  /** Case-insensitive substring of user, IP, user agent or host. */
  text: z.string().max(256).optional(),
  sort: z.enum(['asc', 'desc']).optional(),
});
export type EventFilter = z.infer<typeof eventFilterSchema>;

/** One row of the Events table: the facts an analyst scans, without the raw line. */
export interface EventRow {
  id: number;
  time: number;
  user: string;
  outcome: Outcome;
  ip: string | null;
  network: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  asn: number | null;
  browser: string | null;
  os: string | null;
  deviceType: string | null;
  service: string | null;
  authMethod: string | null;
  /** Ground truth found in the data, never a model input. */
  label: string | null;
  /** Risk level given by the newest complete model run; null while the event is not scored. */
  risk: RiskLevel | null;
  /** Its risk 0–100; null while not scored. */
  riskScore: number | null;
}

/** A page of events in the requested order. */
export interface EventPage {
  rows: EventRow[];
  /** Cursor for the next page; null when this was the last one. */
  nextCursor: string | null;
  /** Only computed for the first page (no cursor). */
  total: CountEstimate | null;
}

/** One event in full: stored facts, where it came from, and its score once scored. */
export interface EventDetail {
  event: LoginEvent;
  source: { id: number; name: string; format: string } | null;
  /** Null while no model has scored the case. */
  score: EventScore | null;
}
