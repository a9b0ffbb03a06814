import { closeSync, openSync, writeSync } from 'node:fs';
import type { EventOrigin } from '../store/scores.js';

/**
 * SCORES.csv: `source,line,row,ts,user,ip,risk,level,decision,reasons`, one row per event, `row` the
 * 1-based record number in its file, `risk` 0-100, reasons `;`-separated, each with its numbers. A line
 * is the event's part (up to the comma before `risk`) and the verdict's part.
 */
export const scoresCsvHeader = 'source,line,row,ts,user,ip,risk,level,decision,reasons\n';

/** Quote a CSV field when it needs it. */
export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The reasons column: each reason's text, `;`-separated (a `;` inside one becomes `,`). */
export function reasonsField(reasons: readonly { reason: string }[] | undefined): string {
  return reasons && reasons.length > 0 ? csvField(reasons.map((reason) => reason.reason.replace(/;/g, ',')).join('; ')) : '';
}

/** The event's part of its line, through the comma before `risk`; `sourceField` is `csvField(origin.source)`. */
export function eventFields(sourceField: string, origin: Omit<EventOrigin, 'id' | 'source'>): string {
  return `${sourceField},${origin.line},${origin.record},${new Date(origin.ts).toISOString()},${csvField(origin.user)},${origin.ip ?? ''},`;
}

/** The verdict's part of a line, with the newline; `reasons` as `reasonsField` gives it. */
export function verdictFields(risk: number, level: string, decision: string, reasons: string): string {
  return `${risk.toFixed(4)},${level},${decision},${reasons}\n`;
}

const bufferBytes = 1 << 20;

/**
 * A file written through a 1 MiB buffer, whole when full: text is encoded straight into it (joining
 * blocks of lines into one string first flattened every line twice), bytes copied.
 */
export class BufferedFile {
  private readonly file: number;
  private readonly buffer = Buffer.allocUnsafe(bufferBytes);
  private used = 0;

  constructor(path: string) {
    this.file = openSync(path, 'w');
  }

  /** Append text (UTF-8). */
  write(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (this.room(text.length * 3)) this.used += this.buffer.write(text, this.used);
    else writeSync(this.file, text);
  }

  /** Append `bytes[start..end)`. */
  writeBytes(bytes: Uint8Array, start: number, end: number): void {
    if (this.room(end - start)) {
      this.buffer.set(bytes.subarray(start, end), this.used);
      this.used += end - start;
    } else {
      writeSync(this.file, bytes, start, end - start);
    }
  }

  /** Write what is left and close the file. */
  close(): void {
    try {
      this.flush();
    } finally {
      closeSync(this.file);
    }
  }

  /** Make room for `bytes` more; false when they cannot fit the buffer at all (written directly then). */
  private room(bytes: number): boolean {
    if (this.used + bytes > bufferBytes) this.flush();
    return bytes <= bufferBytes;
  }

  private flush(): void {
    if (this.used > 0) writeSync(this.file, this.buffer, 0, this.used);
    this.used = 0;
  }
}
