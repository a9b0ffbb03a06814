import { z } from 'zod';
import type { CountEstimate } from './common.js';
import type { Decision, RiskLevel, ScoreReason } from './detection.js';
import { riskLevels } from './detection.js';

/** Where an alert or incident is in its triage. */
export const alertStatuses = ['new', 'acknowledged', 'false-positive', 'resolved'] as const;
export type AlertStatus = (typeof alertStatuses)[number];

/** A scored login that crossed the alert threshold. */
export interface Alert {
  id: number;
  incidentId: number;
  eventId: number;
  time: number;
  user: string;
  ip: string | null;
  risk: number;
  level: RiskLevel;
  decision: Decision;
  reasons: ScoreReason[];
  status: AlertStatus;
}

/** Related alerts grouped: one brute-force burst is one incident. */
export interface Incident {
  id: number;
  title: string;
  level: RiskLevel;
  status: AlertStatus;
  alerts: number;
  firstTime: number;
  lastTime: number;
  users: string[];
  ips: string[];
  notes: string;
}

/** Which alerts to list. */
export const alertFilterSchema = z.object({
  status: z.enum(alertStatuses).optional(),
  minimumLevel: z.enum(riskLevels).optional(),
  user: z.string().max(256).optional(),
});
export type AlertFilter = z.infer<typeof alertFilterSchema>;

/** A page of alerts, newest first. */
export interface AlertPage {
  rows: Alert[];
  nextCursor: string | null;
  total: CountEstimate | null;
}

/** A triage action on an alert. */
export const alertChangeSchema = z.object({
  status: z.enum(alertStatuses),
  note: z.string().max(4000).optional(),
});
export type AlertChange = z.infer<typeof alertChangeSchema>;
