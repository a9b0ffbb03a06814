import { normalLabel } from '../../../../src-shared/api.js';
import type { CaseDatabase } from '../database.js';

/** A run's risks with each event's ground-truth label as a code, in typed arrays (millions of rows stay small). */
export interface LabelledRisks {
  risks: Float64Array;
  /** Index into `labels`, or -1 for an event without a label. */
  codes: Int32Array;
  labels: string[];
}

/**
 * Every risk of a run with the event's label. A join of a million scores to their events costs seconds
 * row by row, so this reads single columns instead (a few hundred ms each): the run's event ids and
 * risks in event order, then only the events whose label is not `normal` (attacks and unlabelled events),
 * placed by binary search. Every other scored event is normal.
 */
export function loadLabelledRisks(db: CaseDatabase, runId: number): LabelledRisks {
  const eventIds = Float64Array.from(db.prepare(`SELECT event_id FROM scores WHERE run_id = ? ORDER BY event_id`).pluck().all(runId) as number[]);
  const risks = Float64Array.from(db.prepare(`SELECT risk FROM scores WHERE run_id = ? ORDER BY event_id`).pluck().all(runId) as number[]);
  const labels = [normalLabel];
  const codeOf = new Map([[normalLabel, 0]]);
  const codes = new Int32Array(eventIds.length);
  const attacks = db.prepare(`SELECT id, label FROM events WHERE label IS NOT NULL AND label != ?`).raw(true).all(normalLabel) as [number, string][];
  for (const [id, label] of attacks) {
    const row = indexOf(eventIds, id);
    if (row < 0) continue;
    let code = codeOf.get(label);
    if (code === undefined) {
      code = labels.length;
      labels.push(label);
      codeOf.set(label, code);
    }
    codes[row] = code;
  }
  for (const id of db.prepare(`SELECT id FROM events WHERE label IS NULL`).pluck().all() as number[]) {
    const row = indexOf(eventIds, id);
    if (row >= 0) codes[row] = -1;
  }
  return { risks, codes, labels };
}

/** Position of `value` in an ascending array, or -1. */
function indexOf(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] === value) return middle;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
