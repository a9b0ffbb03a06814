/**
 * Guess a file's format from its first non-empty lines. Returns null rather than a wrong guess:
 * the user then names the format.
 */
import type { FormatName } from '../../../src-shared/event.js';
import { cloudRecords, isCloudRecord } from './formats/cloud.js';
import { guessMapping } from './formats/column-mapping.js';
import { splitCsvLine } from './formats/csv-fields.js';
import { splitHeader } from './formats/csv.js';
import { rbaHeader } from './formats/rba.js';

const classicSyslog = /^[A-Z][a-z]{2} [ \d]?\d \d\d:\d\d:\d\d(?:\.\d+)? \S/;
const isoSyslog = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)? \S+ \S/;
const prioritySyslog = /^<\d{1,3}>(?:1 \S+ |[A-Z][a-z]{2} [ \d]?\d \d\d:\d\d:\d\d |\d{4}-\d\d-\d\dT)/;
const auditRecord = /^type=\S+ msg=audit\(\d+/;
/** daemontools / s6 loggers stamp lines with TAI64N. */
const tai64nStamp = /^@[0-9a-f]{24} \S/;
const journalKeys = ['__REALTIME_TIMESTAMP', '__CURSOR', '_SOURCE_REALTIME_TIMESTAMP'];
/** Share of the sample lines that must agree with a line format. */
const agreement = 0.8;

function jsonObject(line: string): Record<string, unknown> | null {
  if (!line.startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function share(lines: string[], test: (line: string) => boolean): number {
  return lines.filter(test).length / lines.length;
}

function detectJson(lines: string[]): FormatName | null {
  const objects = lines.map(jsonObject);
  if (objects.filter((object) => object !== null).length / lines.length < agreement) return null;
  const isJournal = objects.some(
    (object) => object !== null && (journalKeys.some((key) => key in object) || ('MESSAGE' in object && ('SYSLOG_IDENTIFIER' in object || '_COMM' in object))),
  );
  return isJournal ? 'journal' : 'jsonl';
}

function detectCsv(lines: string[]): FormatName | null {
  const header = splitHeader(lines[0]);
  if (!header) return null;
  const mapping = guessMapping(header.columns);
  if (!mapping.time || !mapping.user) return null;
  const rows = lines.slice(1);
  const consistent = rows.filter((row) => {
    const fields = splitCsvLine(row, header.delimiter);
    return Array.isArray(fields) && fields.length === header.columns.length;
  });
  return rows.length === 0 || consistent.length / rows.length >= agreement ? 'csv' : null;
}

/** Cloud sign-in exports: most sample lines hold records a cloud reader knows. */
function isCloudExport(lines: string[]): boolean {
  if (!lines[0].startsWith('{') && !lines[0].startsWith('[')) return false;
  return share(lines, (line) => {
    const records = cloudRecords(line);
    return typeof records !== 'string' && records.length > 0 && records.every(isCloudRecord);
  }) >= agreement;
}

/** The format of a sample of a file's first (about 20) non-empty lines, or null when unsure. */
export function detectFormat(sampleLines: string[]): FormatName | null {
  const lines = sampleLines.map((line) => line.replace(/^\uFEFF/, '').replace(/\r$/, '')).filter((line) => line.trim() !== '');
  if (lines.length === 0) return null;
  if (lines[0].trim() === rbaHeader) return 'rba';
  if (isCloudExport(lines)) return 'cloud';
  if (lines[0].startsWith('{')) return detectJson(lines);
  // Comment lines (annotated excerpts, test fixtures) say nothing about a line format; the importer rejects them.
  const logLines = lines.filter((line) => !line.startsWith('#'));
  if (logLines.length === 0) return null;
  if (share(logLines, (line) => prioritySyslog.test(line)) >= agreement) return 'syslog';
  if (share(logLines, (line) => classicSyslog.test(line) || isoSyslog.test(line) || auditRecord.test(line) || tai64nStamp.test(line) || prioritySyslog.test(line)) >= agreement) {
    return 'authlog';
  }
  return detectCsv(lines);
}
