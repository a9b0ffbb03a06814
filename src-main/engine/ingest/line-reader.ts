import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';

/** A line the reader could not hand to a parser, with its reason and a bounded copy of its start. */
export interface LineProblem {
  /** Index of the line within its batch's `lines` (where it stands as an empty string). */
  index: number;
  reason: string;
  raw: string;
}

/** A run of consecutive lines, decoded, without line terminators. */
export interface LineBatch {
  /** 1-based line number of lines[0]. */
  firstLineNumber: number;
  lines: string[];
  /** Lines too long or not valid UTF-8; they stand in `lines` as empty strings. */
  problems: LineProblem[];
  /**
   * The lines as they came, when that is exactly `lines.join('\n')` (valid UTF-8, no CR, no problem line):
   * their bytes and where each line starts in them, so raw evidence can be stored without joining and
   * encoding it again.
   */
  verbatim: { bytes: Buffer; starts: number[] } | null;
}

const newline = 0x0a;
const carriageReturn = 0x0d;
const rawKept = 1024;

/**
 * Split a byte stream into lines with constant memory: a line longer than `maxLineBytes` is skipped
 * to its end and reported, never buffered whole. Valid UTF-8 is decoded a chunk at a time (fast);
 * a chunk with invalid bytes is decoded line by line so only the bad lines are reported.
 */
export async function* readLines(input: Readable, maxLineBytes = 65_536): AsyncGenerator<LineBatch> {
  let carry: Buffer | null = null;
  let lineNumber = 1;
  let skippedLength = 0;
  let skippedHead = '';
  for await (const chunk of input as AsyncIterable<Buffer>) {
    let buffer: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = null;
    const batch: LineBatch = { firstLineNumber: lineNumber, lines: [], problems: [], verbatim: null };
    if (skippedLength > 0) {
      // Inside an overlong line: drop bytes up to its end.
      const end = buffer.indexOf(newline);
      if (end < 0) {
        skippedLength += buffer.length;
        continue;
      }
      skippedLength += end;
      batch.problems.push({ index: 0, reason: overlongReason(skippedLength, maxLineBytes), raw: skippedHead });
      batch.lines.push('');
      lineNumber++;
      skippedLength = 0;
      buffer = buffer.subarray(end + 1);
    }
    const last = buffer.lastIndexOf(newline);
    const tail = buffer.subarray(last + 1);
    if (last >= 0) decodeLines(buffer.subarray(0, last), batch, maxLineBytes);
    lineNumber = batch.firstLineNumber + batch.lines.length;
    if (tail.length > maxLineBytes) {
      skippedLength = tail.length;
      skippedHead = tail.subarray(0, rawKept).toString('utf8');
    } else if (tail.length > 0) {
      carry = Buffer.from(tail);
    }
    if (batch.lines.length > 0) yield batch;
  }
  const batch: LineBatch = { firstLineNumber: lineNumber, lines: [], problems: [], verbatim: null };
  if (skippedLength > 0) {
    batch.problems.push({ index: 0, reason: overlongReason(skippedLength, maxLineBytes), raw: skippedHead });
    batch.lines.push('');
  } else if (carry && carry.length > 0) {
    decodeLines(carry, batch, maxLineBytes);
  }
  if (batch.lines.length > 0) yield batch;
}

function overlongReason(length: number, maxLineBytes: number): string {
  return `line longer than ${maxLineBytes} bytes (${length} bytes)`;
}

/** A byte that is not ASCII, as a character of the Latin-1 decoding. */
const nonAscii = /[\u0080-\u00ff]/g;

/**
 * Decode complete lines (the region holds no final newline) into the batch. Valid UTF-8 is decoded as
 * Latin-1, which is the same text for ASCII and several times faster than V8's UTF-8 decoder on text with
 * a few accents; only the lines with other bytes are decoded as UTF-8 (Latin-1 offsets are byte offsets).
 */
function decodeLines(region: Buffer, batch: LineBatch, maxLineBytes: number): void {
  if (isUtf8(region)) {
    const bytes = region.toString('latin1');
    const starts: number[] | null = batch.lines.length === 0 && region.indexOf(carriageReturn) < 0 ? [] : null;
    let wide = nextNonAscii(bytes, 0);
    let start = 0;
    for (;;) {
      let end = bytes.indexOf('\n', start);
      if (end < 0) end = bytes.length;
      let line: string;
      if (wide < end) {
        line = region.toString('utf8', start, end);
        wide = nextNonAscii(bytes, end);
      } else {
        line = bytes.slice(start, end);
      }
      starts?.push(start);
      pushLine(batch, line, maxLineBytes);
      if (end === bytes.length) break;
      start = end + 1;
    }
    if (starts && batch.problems.length === 0) batch.verbatim = { bytes: region, starts };
    return;
  }
  let start = 0;
  while (start <= region.length) {
    let end = region.indexOf(newline, start);
    if (end < 0) end = region.length;
    const bytes = region.subarray(start, end);
    if (isUtf8(bytes)) {
      pushLine(batch, bytes.toString('utf8'), maxLineBytes);
    } else {
      batch.problems.push({ index: batch.lines.length, reason: 'invalid UTF-8', raw: bytes.subarray(0, rawKept).toString('utf8') });
      batch.lines.push('');
    }
    start = end + 1;
  }
}

/** Offset of the first non-ASCII character at or after `from` (Infinity when there is none). */
function nextNonAscii(text: string, from: number): number {
  nonAscii.lastIndex = from;
  return nonAscii.exec(text)?.index ?? Number.POSITIVE_INFINITY;
}

function pushLine(batch: LineBatch, text: string, maxLineBytes: number): void {
  const line = text.endsWith('\r') ? text.slice(0, -1) : text;
  // Only long strings can exceed the byte limit (UTF-8 uses at most 4 bytes per character).
  if (line.length > maxLineBytes / 4 && Buffer.byteLength(line) > maxLineBytes) {
    batch.problems.push({ index: batch.lines.length, reason: overlongReason(Buffer.byteLength(line), maxLineBytes), raw: line.slice(0, rawKept) });
    batch.lines.push('');
    return;
  }
  batch.lines.push(line);
}
