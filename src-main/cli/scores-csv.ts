import { closeSync, openSync, writeSync } from 'node:fs';
import { decisions, riskLevels } from '../../src-shared/detect/ensemble.js';
import type { PassVerdicts } from '../engine/detect/pass-verdicts.js';
import type { CaseDatabase } from '../engine/store/database.js';
import { iterateEventOrigins, iterateScoredEvents, type EventOrigin } from '../engine/store/scores.js';

/** Quote a CSV field when it needs it. */
function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The reasons column: each reason's text, `;`-separated (a `;` inside one becomes `,`). */
function reasonsField(reasons: readonly { reason: string }[] | undefined): string {
  return reasons && reasons.length > 0 ? csvField(reasons.map((reason) => reason.reason.replace(/;/g, ',')).join('; ')) : '';
}

const header = 'source,line,row,ts,user,ip,risk,level,decision,reasons\n';
const bufferBytes = 1 << 20;

/**
 * SCORES.csv as it is written: `source,line,row,ts,user,ip,risk,level,decision,reasons`, one row per
 * event, `row` the 1-based record number in its file. Each line is encoded straight into a 1 MiB buffer
 * written whole when full: joining blocks of lines into one string first flattened every line twice.
 */
class ScoresCsvFile {
  private readonly file: number;
  private readonly buffer = Buffer.allocUnsafe(bufferBytes);
  private used = 0;
  private source = '';
  private sourceField = '';
  written = 0;

  constructor(path: string) {
    this.file = openSync(path, 'w');
    this.write(header);
  }

  add(origin: Omit<EventOrigin, 'id'>, risk: number, level: string, decision: string, reasons: string): void {
    if (origin.source !== this.source) [this.source, this.sourceField] = [origin.source, csvField(origin.source)];
    this.write(`${this.sourceField},${origin.line},${origin.record},${new Date(origin.ts).toISOString()},${csvField(origin.user)},${origin.ip ?? ''},${risk.toFixed(4)},${level},${decision},${reasons}\n`);
    this.written++;
  }

  /** Write what is left and close the file. */
  close(): void {
    try {
      this.flush();
    } finally {
      closeSync(this.file);
    }
  }

  private write(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (this.used + text.length * 3 > bufferBytes) {
      this.flush();
      if (text.length * 3 > bufferBytes) {
        writeSync(this.file, text);
        return;
      }
    }
    this.used += this.buffer.write(text, this.used);
  }

  private flush(): void {
    if (this.used > 0) writeSync(this.file, this.buffer, 0, this.used);
    this.used = 0;
  }
}

/** Write `fill`'s rows to a SCORES.csv at `path`; the rows written. The file is closed also on an error. */
function writeCsv(path: string, fill: (file: ScoresCsvFile) => void): number {
  const file = new ScoresCsvFile(path);
  try {
    fill(file);
  } finally {
    file.close();
  }
  return file.written;
}

/** Write a run's stored scores as SCORES.csv. Returns the rows written. */
export function writeScoresCsv(db: CaseDatabase, runId: number, path: string): number {
  return writeCsv(path, (file) => {
    for (const row of iterateScoredEvents(db, runId)) {
      // Most scores have no reasons: skip parsing their '[]'.
      file.add(row, row.risk, row.level, row.decision, row.reasons === '[]' ? '' : reasonsField(JSON.parse(row.reasons) as { reason: string }[]));
    }
  });
}

/**
 * Write the verdicts of a run still in memory (on the events `eventIds`, in the order judged) as
 * SCORES.csv, in event order like `writeScoresCsv`, without storing them first. Returns the rows written.
 */
export function writeVerdictsCsv(db: CaseDatabase, eventIds: Float64Array, verdicts: PassVerdicts, path: string): number {
  let lastId = 0;
  for (const id of eventIds) lastId = Math.max(lastId, id);
  const rowOf = new Int32Array(lastId + 1).fill(-1);
  eventIds.forEach((id, row) => (rowOf[id] = row));
  return writeCsv(path, (file) => {
    for (const origin of iterateEventOrigins(db)) {
      const row = origin.id <= lastId ? rowOf[origin.id] : -1;
      if (row < 0) continue;
      file.add(origin, verdicts.risk[row], riskLevels[verdicts.level[row]], decisions[verdicts.decision[row]], reasonsField(verdicts.reasons.get(row)));
    }
  });
}
