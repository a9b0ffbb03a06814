import type { ImportProgress, ImportSummary } from '../../../src-shared/import.js';
import type { FormatName } from '../../../src-shared/event.js';
import type { MappableField } from '../ingest/parser.js';

/** An error as it crosses a thread boundary. */
export interface WorkerError {
  name: string;
  message: string;
}

/** Options of an import that can cross to the worker (no functions). */
export interface ImportRequestOptions {
  format?: FormatName | 'auto';
  timeZone?: string;
  year?: number;
  mapping?: Partial<Record<MappableField, string>>;
  linesPerCommit?: number;
  actor?: string;
  /** Into a scratch case (see `OpenCaseOptions`): the indexes a bulk load builds last are left out. */
  scratch?: boolean;
}

/** Messages to the import worker. */
export type ImportRequest =
  | { type: 'import'; seq: number; casePath: string; path: string; options: ImportRequestOptions }
  | { type: 'abort'; seq: number };

/** Messages from the import worker. */
export type ImportReply =
  | { type: 'progress'; seq: number; progress: ImportProgress }
  | { type: 'done'; seq: number; summary: ImportSummary }
  | { type: 'error'; seq: number; error: WorkerError };

/** An error as data. */
export function toWorkerError(error: unknown): WorkerError {
  return error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };
}
