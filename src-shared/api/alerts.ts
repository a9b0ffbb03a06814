import { z } from 'zod';
import type { Decision, RiskLevel, ScoreReason } from './detection.js';
import { riskLevels } from './detection.js';

/** Where an incident is in its triage. */
export const alertStatuses = ['new', 'acknowledged', 'false-positive', 'resolved'] as const;
export type AlertStatus = (typeof alertStatuses)[number];

/** A scored login at or above the challenge threshold. */
export interface Alert {
  eventId: number;
  time: number;
  user: string;
  ip: string | null;
  outcome: 'success' | 'failure';
  country: string | null;
  risk: number;
  level: RiskLevel;
  decision: Decision;
  reasons: ScoreReason[];
  /** Ground truth found in the data, never a model input. */
  label: string | null;
}

/** Related alerts grouped: the same user or the same address within the incident gap (a brute-force burst is one incident). */
export interface Incident {
  id: number;
  /** The model run whose scores raised it. */
  runId: number;
  title: string;
  /** The highest level among its alerts. */
  level: RiskLevel;
  maxRisk: number;
  status: AlertStatus;
  alerts: number;
  firstTime: number;
  lastTime: number;
  /** The users and addresses involved, most alerts first (at most 20 each; the counts are complete). */
  users: string[];
  userCount: number;
  ips: string[];
  ipCount: number;
  /** Rules and models behind its alerts, most frequent first. */
  rules: string[];
  /** Triage notes written on it. */
  noteCount: number;
  /** Last triage action (UTC ms); null while untouched. */
  updatedAt: number | null;
}

/** A triage action with its note, as the incident's history keeps it. */
export interface IncidentNote {
  time: number;
  actor: string;
  status: AlertStatus;
  text: string;
}

/** One incident with its alerts (newest last) and its triage history. */
export interface IncidentDetail {
  incident: Incident;
  alerts: Alert[];
  /** Alerts listed at most; the incident's `alerts` count is complete. */
  alertLimit: number;
  notes: IncidentNote[];
}

/** Which incidents to list. */
export const incidentFilterSchema = z.object({
  status: z.enum(alertStatuses).optional(),
  minimumLevel: z.enum(riskLevels).optional(),
  user: z.string().max(256).optional(),
});
export type IncidentFilter = z.infer<typeof incidentFilterSchema>;

/** Incidents of the newest complete run, newest first. */
export interface IncidentList {
  /** Null before any run is complete: nothing is scored, so nothing alerts. */
  runId: number | null;
  /** Risk at or above which a login alerted (the challenge threshold in Settings). */
  threshold: number;
  incidents: Incident[];
  /** Matching incidents, of which at most `limit` are listed. */
  total: number;
  limit: number;
  /** Incidents of the run per status, for the tabs (ignores the filter's status). */
  byStatus: Record<AlertStatus, number>;
}

/** A triage action on an incident. */
export const incidentChangeSchema = z.object({
  status: z.enum(alertStatuses),
  note: z.string().max(4000).optional(),
});
export type IncidentChange = z.infer<typeof incidentChangeSchema>;

/** File formats incidents export to. */
export const exportFormats = ['csv', 'json', 'html'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** An exported file, returned as text so the UI saves it wherever it runs (browser or desktop). */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  content: string;
}
