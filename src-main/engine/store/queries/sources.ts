import type { PageRequest, RejectPage, SourceInfo } from '../../../../src-shared/api.js';
import type { CaseDatabase } from '../database.js';
import { countRejectsByReason, listRejects } from '../rejects.js';
import { listSources, type SourceRow } from '../sources.js';

/** Every source, newest first, as the UI shows it. */
export function sourceList(db: CaseDatabase): SourceInfo[] {
  return listSources(db).map(toSourceInfo);
}

/** Whether a source exists. */
export function sourceExists(db: CaseDatabase, sourceId: number): boolean {
  return db.prepare(`SELECT 1 FROM sources WHERE id = ?`).get(sourceId) !== undefined;
}

/** A page of a source's rejects in line order; the cursor is the last line number shown. */
export function rejectPage(db: CaseDatabase, sourceId: number, page: PageRequest): RejectPage {
  const afterLine = page.after && /^\d+$/.test(page.after) ? Number(page.after) : 0;
  const rows = listRejects(db, sourceId, afterLine, page.limit + 1);
  const more = rows.length > page.limit;
  const shown = rows.slice(0, page.limit);
  const byReason = countRejectsByReason(db, sourceId);
  return {
    rows: shown.map((row) => ({ id: row.id, line: row.line, reason: row.reason, raw: row.raw })),
    nextCursor: more ? String(shown[shown.length - 1].line) : null,
    total: Object.values(byReason).reduce((sum, count) => sum + count, 0),
    byReason,
  };
}

function toSourceInfo(row: SourceRow): SourceInfo {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    sha256: row.sha256,
    sizeBytes: row.size,
    format: row.format,
    timeZone: row.time_zone,
    year: row.year,
    assumptions: parseAssumptions(row.assumptions),
    status: row.status,
    linesRead: row.lines_read,
    eventsImported: row.events_imported,
    duplicates: row.duplicates,
    rejected: row.rejected,
    ignored: row.ignored,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

function parseAssumptions(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}
