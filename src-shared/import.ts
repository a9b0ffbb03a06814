import type { FormatName } from './event.js';

/** Progress of one import, reported a few times a second. */
export interface ImportProgress {
  path: string;
  bytesRead: number;
  bytesTotal: number;
  linesRead: number;
  eventsImported: number;
  rejected: number;
  elapsedMs: number;
}

/** What an import did: every line is accounted for as imported, duplicate, rejected or ignored. */
export interface ImportSummary {
  sourceId: number;
  path: string;
  format: FormatName;
  sha256: string;
  linesRead: number;
  eventsImported: number;
  /** Events already in the case from the same file (a re-import, or the part a resumed import had done). */
  duplicates: number;
  rejected: number;
  rejectedByReason: Record<string, number>;
  /** Valid lines that are not logins (cron, kernel, session bookkeeping). */
  ignored: number;
  timeZone: string;
  year: number | null;
  /** What the parser assumed, in words ("year 2026 (default)", "time zone UTC (default)"). */
  assumptions: string[];
  /** True when this exact file (same sha256) had been imported completely before. */
  alreadyImported: boolean;
  /** True when an interrupted import of this file was resumed. */
  resumed: boolean;
  elapsedMs: number;
}
