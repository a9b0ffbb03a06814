import { decisions, riskLevels } from '../../../src-shared/detect/ensemble.js';
import type { CaseDatabase } from '../store/database.js';
import { iterateEventOrigins } from '../store/scores.js';
import type { PassVerdicts } from './pass-verdicts.js';
import { BufferedFile, csvField, eventFields, reasonsField, scoresCsvHeader, verdictFields } from './scores-csv.js';

/** The event part of every event's SCORES.csv line (see `eventFields`), in event order, encoded once. */
export interface EventLines {
  count: number;
  ids: Float64Array;
  /** Where each event's bytes start in `bytes` (count + 1 entries: the last is the end). */
  starts: Float64Array;
  bytes: Uint8Array;
}

/** The verdicts of a run as they cross to the writer: by row of `eventIds`, reasons already as their column. */
export interface VerdictColumns {
  eventIds: Float64Array;
  risk: Float64Array;
  level: Uint8Array;
  decision: Uint8Array;
  reasons: Map<number, string>;
}

/** Read every event's part of its line, in event order. */
export function readEventLines(db: CaseDatabase): EventLines {
  let ids: Float64Array = new Float64Array(1 << 16);
  let starts: Float64Array = new Float64Array((1 << 16) + 1);
  let bytes = Buffer.allocUnsafe(1 << 22);
  let count = 0;
  let used = 0;
  let source = '';
  let sourceField = '';
  for (const origin of iterateEventOrigins(db)) {
    if (origin.source !== source) [source, sourceField] = [origin.source, csvField(origin.source)];
    const text = eventFields(sourceField, origin);
    if (count === ids.length) [ids, starts] = [grown(ids, ids.length * 2), grown(starts, ids.length * 2 + 1)];
    if (used + text.length * 3 > bytes.length) {
      const larger = Buffer.allocUnsafe(Math.max(bytes.length * 2, used + text.length * 3));
      bytes.copy(larger, 0, 0, used);
      bytes = larger;
    }
    ids[count] = origin.id;
    starts[count] = used;
    used += bytes.write(text, used);
    count++;
  }
  starts[count] = used;
  return { count, ids: ids.subarray(0, count), starts: starts.subarray(0, count + 1), bytes: bytes.subarray(0, used) };
}

function grown(array: Float64Array, length: number): Float64Array {
  const larger = new Float64Array(length);
  larger.set(array);
  return larger;
}

/** A run's verdicts (see `PassVerdicts`) on the events `eventIds`, ready to cross to the writer. */
export function verdictColumns(eventIds: Float64Array, verdicts: PassVerdicts): VerdictColumns {
  const reasons = new Map<number, string>();
  for (const [row, stored] of verdicts.reasons) reasons.set(row, reasonsField(stored));
  return { eventIds, risk: verdicts.risk, level: verdicts.level, decision: verdicts.decision, reasons };
}

/**
 * Write SCORES.csv from the events' parts and a run's verdicts, in event order like the file written from
 * stored scores: the same bytes. Events without a verdict are left out. Returns the rows written.
 */
export function writeVerdictLines(lines: EventLines, verdicts: VerdictColumns, path: string): number {
  let lastId = 0;
  for (const id of verdicts.eventIds) lastId = Math.max(lastId, id);
  const rowOf = new Int32Array(lastId + 1).fill(-1);
  verdicts.eventIds.forEach((id, row) => (rowOf[id] = row));
  const file = new BufferedFile(path);
  let written = 0;
  try {
    file.write(scoresCsvHeader);
    for (let event = 0; event < lines.count; event++) {
      const id = lines.ids[event];
      const row = id <= lastId ? rowOf[id] : -1;
      if (row < 0) continue;
      file.writeBytes(lines.bytes, lines.starts[event], lines.starts[event + 1]);
      file.write(verdictFields(verdicts.risk[row], riskLevels[verdicts.level[row]], decisions[verdicts.decision[row]], verdicts.reasons.get(row) ?? ''));
      written++;
    }
  } finally {
    file.close();
  }
  return written;
}
