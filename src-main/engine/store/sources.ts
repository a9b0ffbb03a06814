import type { FormatName } from '../../../src-shared/event.js';
import type { CaseDatabase } from './database.js';

/** A source row: one imported file or live listener. */
export interface SourceRow {
  id: number;
  kind: 'file' | 'live';
  name: string;
  sha256: string | null;
  size: number | null;
  format: FormatName;
  time_zone: string;
  year: number | null;
  assumptions: string;
  status: 'importing' | 'complete' | 'failed' | 'listening';
  resume_line: number;
  resume_record: number;
  lines_read: number;
  events_imported: number;
  duplicates: number;
  rejected: number;
  ignored: number;
  started_at: number;
  finished_at: number | null;
}

/** The newest source for a file's content hash, complete or interrupted. */
export function findSourceBySha256(db: CaseDatabase, sha256: string): SourceRow | undefined {
  return db.prepare(`SELECT * FROM sources WHERE sha256 = ? ORDER BY id DESC LIMIT 1`).get(sha256) as SourceRow | undefined;
}

/** Every source, newest first. */
export function listSources(db: CaseDatabase): SourceRow[] {
  return db.prepare(`SELECT * FROM sources ORDER BY id DESC`).all() as SourceRow[];
}

/** Register a file import that is starting. */
export function createFileSource(
  db: CaseDatabase,
  source: { name: string; sha256: string; size: number; format: FormatName; timeZone: string; year: number | null; assumptions: string[] },
): number {
  const result = db
    .prepare(
      `INSERT INTO sources (kind, name, sha256, size, format, time_zone, year, assumptions, status, started_at)
       VALUES ('file', ?, ?, ?, ?, ?, ?, ?, 'importing', ?)`,
    )
    .run(source.name, source.sha256, source.size, source.format, source.timeZone, source.year, JSON.stringify(source.assumptions), Date.now());
  return Number(result.lastInsertRowid);
}

/** Counters an import adds after each committed batch. */
export interface SourceProgress {
  resumeLine: number;
  resumeRecord: number;
  linesRead: number;
  eventsImported: number;
  rejected: number;
  ignored: number;
}

/** Record how far an import has committed; called inside the batch's transaction. */
export function recordSourceProgress(db: CaseDatabase, sourceId: number, progress: SourceProgress): void {
  db.prepare(
    `UPDATE sources SET resume_line = ?, resume_record = ?, lines_read = ?, events_imported = ?, rejected = ?, ignored = ? WHERE id = ?`,
  ).run(progress.resumeLine, progress.resumeRecord, progress.linesRead, progress.eventsImported, progress.rejected, progress.ignored, sourceId);
}

/** Mark a source finished (complete or failed), with what the parser assumed. */
export function finishSource(db: CaseDatabase, sourceId: number, status: 'complete' | 'failed', assumptions: string[], duplicates: number): void {
  db.prepare(`UPDATE sources SET status = ?, assumptions = ?, duplicates = ?, finished_at = ? WHERE id = ?`).run(
    status,
    JSON.stringify(assumptions),
    duplicates,
    Date.now(),
    sourceId,
  );
}
