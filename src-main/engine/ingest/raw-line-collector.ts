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
    }
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
    if (verbatim) {
      const end = this.next < verbatim.starts.length ? verbatim.starts[this.next] - 1 : verbatim.bytes.length;
      this.pieces.push(verbatim.bytes.subarray(verbatim.starts[this.first], end));
    } else {
      this.pieces.push(Buffer.from(batch.lines.slice(this.first, this.next).join('\n')));
    }
    this.first = this.next;
  }
}
