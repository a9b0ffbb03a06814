import { z } from 'zod';
import { formatNames, type FormatName } from '../event.js';

/** Where the contract is served: the desktop app can switch cases, the headless server cannot. */
export type AppMode = 'desktop' | 'server';

/** Whether a feature works in this build and mode, with the reason in words when it does not. */
export interface Capability {
  available: boolean;
  /** Shown to the user when unavailable; null when available. */
  reason: string | null;
}

/** What the open case and this build can do. */
export interface Capabilities {
  /** Open or create another case file (desktop only; the server's case is fixed at start). */
  switchCase: Capability;
  /** A native file picker for imports (desktop only; in a browser the server reads a path on its machine). */
  filePicker: Capability;
  /** Training, scoring and alerts. */
  detection: Capability;
  /** Syslog listener and file tail. */
  live: Capability;
}

/** The open case: its file, schema and size. */
export interface CaseInfo {
  path: string;
  /** File name without directory, for titles. */
  name: string;
  schemaVersion: number;
  sizeBytes: number;
  mode: AppMode;
  counts: { events: number; sources: number; rejects: number };
  capabilities: Capabilities;
}

/** An imported file or a live listener, with every line accounted for. */
export interface SourceInfo {
  id: number;
  kind: 'file' | 'live';
  name: string;
  sha256: string | null;
  sizeBytes: number | null;
  format: FormatName;
  timeZone: string;
  year: number | null;
  assumptions: string[];
  status: 'importing' | 'complete' | 'failed' | 'listening';
  linesRead: number;
  eventsImported: number;
  duplicates: number;
  rejected: number;
  ignored: number;
  startedAt: number;
  finishedAt: number | null;
}

/** A line that could not be imported. */
export interface RejectInfo {
  id: number;
  line: number;
  reason: string;
  /** At most the first 1,024 characters of the line. */
  raw: string;
}

/** A page of a source's rejects in line order. */
export interface RejectPage {
  rows: RejectInfo[];
  nextCursor: string | null;
  total: number;
  byReason: Record<string, number>;
}

/** How to read the files of an import; absent fields are defaulted and the defaults stated in the summary. */
export const importRequestSchema = z.object({
  format: z.enum(['auto', ...formatNames]).optional(),
  timeZone: z.string().min(1).max(64).optional(),
  year: z.number().int().min(1970).max(2100).optional(),
  /** Generic CSV/JSON-lines column mapping: event field → column name. */
  mapping: z.record(z.string().max(64), z.string().max(200)).optional(),
});
export type ImportRequest = z.infer<typeof importRequestSchema>;

/** A file path on the machine that runs the engine. */
export const pathSchema = z.string().min(1).max(4096);
