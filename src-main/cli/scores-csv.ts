import { closeSync, openSync, writeSync } from 'node:fs';
import type { CaseDatabase } from '../engine/store/database.js';
import { iterateScoredEvents } from '../engine/store/scores.js';

/** Quote a CSV field when it needs it. */
function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Write a run's scores as SCORES.csv: `source,line,row,ts,user,ip,risk,level,decision,reasons`, one row per
 * event, `row` the 1-based record number in its file, reasons `;`-separated. Returns the rows written.
 */
export function writeScoresCsv(db: CaseDatabase, runId: number, path: string): number {
  const file = openSync(path, 'w');
  let buffer = 'source,line,row,ts,user,ip,risk,level,decision,reasons\n';
  let written = 0;
  try {
    for (const row of iterateScoredEvents(db, runId)) {
      // Most scores have no reasons: skip parsing their '[]'.
      const reasons = row.reasons === '[]' ? '' : (JSON.parse(row.reasons) as { reason: string }[]).map((reason) => reason.reason.replace(/;/g, ',')).join('; ');
      buffer += `${csvField(row.source)},${row.line},${row.record},${new Date(row.ts).toISOString()},${csvField(row.user)},${row.ip ?? ''},${row.risk.toFixed(4)},${row.level},${row.decision},${csvField(reasons)}\n`;
      written++;
      if (buffer.length > 1 << 20) {
        writeSync(file, buffer);
        buffer = '';
      }
    }
    writeSync(file, buffer);
  } finally {
    closeSync(file);
  }
  return written;
}
