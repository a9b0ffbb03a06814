import type { LineBatch } from './line-reader.js';

const newline = Buffer.from('\n');

/**
 * The raw lines of the batch being filled, as the UTF-8 text a raw block stores (lines joined by
 * newlines). Runs of lines the reader kept verbatim are cut from the file's own bytes; only other lines
 * are joined and encoded again (encoding every line anew cost more than decoding it had).
 */
export class RawLineCollector {
  private pieces: Buffer[] = [];
  private count = 0;
  /** The line batch of the current run of consecutive lines, and the run's first and next line index. */
  private batch: LineBatch | null = null;
  private first = 0;
  private next = 0;
  /** Offsets of the run's first line in the batch's verbatim text and bytes (char -1: the run is joined from its lines). */
  private firstChar = -1;
  private firstByte = 0;
  /** Char offset of line `next` in the verbatim text. */
  private nextChar = 0;

  /** Lines added since the last `take`. */
  get lineCount(): number {
    return this.count;
  }

  /** Add line `index` of `batch`; lines come in file order. */
  add(batch: LineBatch, index: number): void {
    if (batch !== this.batch || index !== this.next) {
      this.endRun();
      this.batch = batch;
      this.first = index;
      this.next = index;
      // Offsets are known from a batch's start only; a run that starts later (after a resume point) is joined.
      this.firstChar = batch.verbatim && index === 0 ? 0 : -1;
      this.firstByte = 0;
      this.nextChar = 0;
    }
    this.nextChar += batch.lines[index].length + 1;
    this.next = index + 1;
    this.count++;
  }

  /** The text of the lines added since the last `take`; the collector starts anew. */
  take(): Buffer {
    this.endRun();
    const pieces = this.pieces;
    this.pieces = [];
    this.count = 0;
    if (pieces.length === 1) return pieces[0];
    const parts: Buffer[] = [];
    for (const piece of pieces) {
      if (parts.length > 0) parts.push(newline);
      parts.push(piece);
    }
    return Buffer.concat(parts);
  }

  private endRun(): void {
    const batch = this.batch;
    if (!batch || this.next === this.first) return;
    const verbatim = batch.verbatim;
    if (verbatim && this.firstChar >= 0) {
      const endChar = this.nextChar - 1;
      // An ASCII text has as many bytes as characters.
      const length = verbatim.bytes.length === verbatim.text.length ? endChar - this.firstChar : Buffer.byteLength(verbatim.text.slice(this.firstChar, endChar));
      this.pieces.push(verbatim.bytes.subarray(this.firstByte, this.firstByte + length));
      // A run that goes on in the same batch starts after this one's newline.
      this.firstByte += length + 1;
      this.firstChar = this.nextChar;
    } else {
      this.pieces.push(Buffer.from(batch.lines.slice(this.first, this.next).join('\n')));
    }
    this.first = this.next;
  }
}
