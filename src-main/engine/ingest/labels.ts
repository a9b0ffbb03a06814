import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** Ground-truth labels by 1-based record number: one byte per record, indexing a list of label names. */
export interface RecordLabels {
  path: string;
  names: string[];
  /** codes[record] = index into names + 1; 0 = no label for that record. */
  codes: Uint8Array;
}

/**
 * The generator writes labels to `FILE.labels.csv` (`row,label`). When such a file sits beside an
 * imported file, its labels are stored with the events for evaluation (never as model input).
 */
export async function loadSiblingLabels(path: string): Promise<RecordLabels | null> {
  const labelsPath = siblingLabelsPath(path);
  if (!labelsPath) return null;
  const names: string[] = [];
  const codeOf = new Map<string, number>();
  let codes = new Uint8Array(1 << 16);
  let header = true;
  // Streamed line by line: a labels file of millions of rows is never held whole.
  for await (const line of createInterface({ input: createReadStream(labelsPath), crlfDelay: Infinity })) {
    if (header) {
      header = false;
      continue;
    }
    const comma = line.indexOf(',');
    if (comma < 0) continue;
    const record = Number(line.slice(0, comma));
    const name = line.slice(comma + 1).trim();
    if (!Number.isInteger(record) || record < 1 || !name) continue;
    let code = codeOf.get(name);
    if (code === undefined) {
      if (names.length >= 255) throw new Error(`${labelsPath}: more than 255 distinct labels`);
      names.push(name);
      code = names.length;
      codeOf.set(name, code);
    }
    if (record >= codes.length) {
      const grown = new Uint8Array(Math.max(record + 1, codes.length * 2));
      grown.set(codes);
      codes = grown;
    }
    codes[record] = code;
  }
  return { path: labelsPath, names, codes };
}

/** The path of the labels file beside `path`, or null when there is none. */
export function siblingLabelsPath(path: string): string | null {
  const labelsPath = `${path.replace(/\.gz$/, '')}.labels.csv`;
  return existsSync(labelsPath) ? labelsPath : null;
}

/** The label of a record, or null. */
export function labelOf(labels: RecordLabels, record: number): string | null {
  const code = record < labels.codes.length ? labels.codes[record] : 0;
  return code === 0 ? null : labels.names[code - 1];
}
