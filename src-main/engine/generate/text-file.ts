import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

/** Buffered, back-pressured text output: text is encoded straight into a chunk that goes to disk when full. */
export interface TextFile {
  /** Appends text; call `drain()` when `full` turns true. */
  append(text: string): void;
  readonly full: boolean;
  /** Writes the buffered chunk and waits while the stream is over its high-water mark. */
  drain(): Promise<void>;
  /** Flushes and closes the file. */
  close(): Promise<void>;
}

const chunkBytes = 1 << 20;
// Room for one pending string after the chunk counts as full (UTF-8 takes at most 3 bytes per UTF-16 unit).
const pendingChars = 1 << 16;
const slackBytes = 4 * pendingChars;

/** Opens (truncates) a text file for writing. */
export function openTextFile(path: string): TextFile {
  const stream = createWriteStream(path);
  let chunk = Buffer.allocUnsafe(chunkBytes + slackBytes);
  let offset = 0;
  // Rows gather in a string (cheap rope concatenation) and are encoded into the chunk in one call.
  let pending = '';
  let failure: Error | null = null;
  stream.on('error', (error) => {
    failure = error;
  });
  const writeChunk = (): boolean => {
    if (failure) throw failure;
    if (offset === 0) return true;
    // The stream keeps the written chunk until it is on disk: start a new one rather than reuse it.
    const written = chunk.subarray(0, offset);
    chunk = Buffer.allocUnsafe(chunkBytes + slackBytes);
    offset = 0;
    return stream.write(written);
  };
  const encode = (): void => {
    if (pending.length === 0) return;
    if (offset + pending.length * 3 > chunk.length) writeChunk();
    offset += chunk.write(pending, offset);
    pending = '';
  };
  return {
    append(text) {
      pending += text;
      if (pending.length >= pendingChars) encode();
    },
    get full() {
      return offset >= chunkBytes;
    },
    async drain() {
      // once() rejects if the stream fails while we wait.
      encode();
      if (!writeChunk()) await once(stream, 'drain');
    },
    async close() {
      if (!failure) {
        encode();
        writeChunk();
      }
      stream.end();
      await finished(stream);
    },
  };
}
