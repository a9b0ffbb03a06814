import { createReadStream, existsSync } from 'node:fs';

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
  const reader = new LabelReader(labelsPath);
  let header = true;
  let carry: Buffer | null = null;
  // Streamed a chunk at a time, so a labels file of millions of rows is never held whole, and read from
  // the bytes: a string per line (readline) cost 0.5 s per million records.
  for await (const chunk of createReadStream(labelsPath, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const buffer: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let end = buffer.indexOf(newline); end >= 0; end = buffer.indexOf(newline, start)) {
      if (header) header = false;
      else reader.line(buffer, start, end);
      start = end + 1;
    }
    carry = buffer.subarray(start);
  }
  if (carry && carry.length > 0 && !header) reader.line(carry, 0, carry.length);
  return { path: labelsPath, names: reader.names, codes: reader.codes };
}

const newline = 0x0a;
const comma = 0x2c;

/** Labels line by line (`record,name`), from bytes; lines in any other shape go through their text. */
class LabelReader {
  readonly names: string[] = [];
  codes = new Uint8Array(1 << 16);
  private readonly codeOf = new Map<string, number>();
  /** The name of the previous line, as bytes, and its code: labels come in runs. */
  private lastName: Buffer = Buffer.alloc(0);
  private lastCode = 0;

  constructor(private readonly path: string) {}

  line(buffer: Buffer, start: number, end: number): void {
    let record = 0;
    let at = start;
    for (; at < end && at - start < 15; at++) {
      const byte = buffer[at];
      if (byte < 0x30 || byte > 0x39) break;
      record = record * 10 + byte - 0x30;
    }
    if (at === start || buffer[at] !== comma) {
      this.text(buffer.toString('utf8', start, end));
      return;
    }
    let nameStart = at + 1;
    let nameEnd = end;
    while (nameStart < nameEnd && buffer[nameStart] <= 0x20) nameStart++;
    while (nameEnd > nameStart && buffer[nameEnd - 1] <= 0x20) nameEnd--;
    if (nameStart === nameEnd || record < 1) return;
    if (!this.isLastName(buffer, nameStart, nameEnd)) {
      const name = buffer.toString('utf8', nameStart, nameEnd).trim();
      if (!name) return;
      this.lastCode = this.codeFor(name);
      this.lastName = Buffer.from(buffer.subarray(nameStart, nameEnd));
    }
    this.set(record, this.lastCode);
  }

  /** A line that is not plain digits, a comma and a name: read as text, as before. */
  private text(line: string): void {
    const at = line.indexOf(',');
    if (at < 0) return;
    const record = Number(line.slice(0, at));
    const name = line.slice(at + 1).trim();
    if (!Number.isInteger(record) || record < 1 || !name) return;
    this.set(record, this.codeFor(name));
  }

  private isLastName(buffer: Buffer, start: number, end: number): boolean {
    const last = this.lastName;
    if (end - start !== last.length || last.length === 0) return false;
    for (let index = 0; index < last.length; index++) if (buffer[start + index] !== last[index]) return false;
    return true;
  }

  private codeFor(name: string): number {
    let code = this.codeOf.get(name);
    if (code === undefined) {
      if (this.names.length >= 255) throw new Error(`${this.path}: more than 255 distinct labels`);
      this.names.push(name);
      code = this.names.length;
      this.codeOf.set(name, code);
    }
    return code;
  }

  private set(record: number, code: number): void {
    if (record >= this.codes.length) {
      const grown = new Uint8Array(Math.max(record + 1, this.codes.length * 2));
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[record] = code;
  }
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
