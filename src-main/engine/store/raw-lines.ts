import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, brotliDecompressSync, constants, inflateRawSync, type BrotliOptions } from 'node:zlib';
import type { CaseDatabase } from './database.js';

/** How a raw block's text is compressed (raw_blocks.codec). */
export type RawBlockCodec = 'deflate' | 'brotli';

/** A block of consecutive lines, compressed and ready to store. */
export interface CompressedRawBlock {
  firstLine: number;
  lineCount: number;
  codec: RawBlockCodec;
  data: Uint8Array;
}

/** Output buffer of a background compression: a 2,048-line block fits in one, so it returns in one trip instead of four. */
const backgroundChunkSize = 256 << 10;

/** Brotli quality 1 with a text hint: on login logs about 500 MB/s and a ninth of the size (deflate level 1: 270 MB/s, a seventh). */
function brotliOptions(size: number, chunkSize?: number): BrotliOptions {
  return { chunkSize, params: { [constants.BROTLI_PARAM_QUALITY]: 1, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: size } };
}

const brotliCompressAsync = promisify(brotliCompress);

/** Compress consecutive lines (joined by newlines) into one block. */
export function compressRawLines(firstLine: number, lines: readonly string[]): CompressedRawBlock {
  const text = Buffer.from(lines.join('\n'));
  return { firstLine, lineCount: lines.length, codec: 'brotli', data: brotliCompressSync(text, brotliOptions(text.length)) };
}

/** A block from text that is already its lines joined by newlines (UTF-8), compressed in this thread. */
export function compressRawText(firstLine: number, lineCount: number, text: Uint8Array): CompressedRawBlock {
  return { firstLine, lineCount, codec: 'brotli', data: brotliCompressSync(text, brotliOptions(text.length)) };
}

/**
 * A block from text that is already its lines joined by newlines (UTF-8), compressed on libuv's thread
 * pool, so a bulk import compresses on whichever core is free while its own thread goes on writing.
 */
export async function compressRawTextInBackground(firstLine: number, lineCount: number, text: Uint8Array): Promise<CompressedRawBlock> {
  return { firstLine, lineCount, codec: 'brotli', data: await brotliCompressAsync(text, brotliOptions(text.length, backgroundChunkSize)) };
}

/** Store a block made by compressRawLines. */
export function prepareCompressedBlockInsert(db: CaseDatabase): (sourceId: number, block: CompressedRawBlock) => void {
  const statement = db.prepare(`INSERT OR REPLACE INTO raw_blocks (source_id, first_line, line_count, text, codec) VALUES (?, ?, ?, ?, ?)`);
  return (sourceId, block) => {
    if (block.lineCount === 0) return;
    statement.run(sourceId, block.firstLine, block.lineCount, block.data, block.codec);
  };
}

/** The text of a stored block, whichever codec wrote it. */
function decompress(codec: string, data: Buffer): string {
  return (codec === 'brotli' ? brotliDecompressSync(data) : inflateRawSync(data)).toString('utf8');
}

/** A reader of raw lines that keeps the last block it decompressed (neighbouring events share blocks). */
export function createRawLineReader(db: CaseDatabase): (sourceId: number, line: number) => string | null {
  const statement = db.prepare(
    `SELECT first_line, line_count, text, codec FROM raw_blocks WHERE source_id = ? AND first_line <= ? ORDER BY first_line DESC LIMIT 1`,
  );
  let cached: { sourceId: number; firstLine: number; lines: string[] } | null = null;
  return (sourceId, line) => {
    if (!cached || cached.sourceId !== sourceId || line < cached.firstLine || line >= cached.firstLine + cached.lines.length) {
      const block = statement.get(sourceId, line) as { first_line: number; line_count: number; text: Buffer; codec: string } | undefined;
      if (!block || line >= block.first_line + block.line_count) return null;
      cached = { sourceId, firstLine: block.first_line, lines: decompress(block.codec, block.text).split('\n') };
    }
    return cached.lines[line - cached.firstLine] ?? null;
  };
}

/** The raw text of one line of a source, or null when it was not kept. */
export function rawLine(db: CaseDatabase, sourceId: number, line: number): string | null {
  return createRawLineReader(db)(sourceId, line);
}
