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
  // Lines gathered in an array and joined per block: appending to one long string makes a rope that
  // every write has to flatten.
  let lines: string[] = ['source,line,row,ts,user,ip,risk,level,decision,reasons\n'];
  let written = 0;
  let source = '';
  let sourceField = '';
  try {
    for (const row of iterateScoredEvents(db, runId)) {
      if (row.source !== source) [source, sourceField] = [row.source, csvField(row.source)];
      // Most scores have no reasons: skip parsing their '[]'.
      const reasons = row.reasons === '[]' ? '' : csvField((JSON.parse(row.reasons) as { reason: string }[]).map((reason) => reason.reason.replace(/;/g, ',')).join('; '));
      lines.push(`${sourceField},${row.line},${row.record},${new Date(row.ts).toISOString()},${csvField(row.user)},${row.ip ?? ''},${row.risk.toFixed(4)},${row.level},${row.decision},${reasons}\n`);
      written++;
      if (lines.length >= linesPerWrite) {
        writeSync(file, lines.join(''));
        lines = [];
      }
    }
    writeSync(file, lines.join(''));
  } finally {
    closeSync(file);
  }
  return written;
}

const linesPerWrite = 8192;
