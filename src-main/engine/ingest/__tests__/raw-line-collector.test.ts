import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines, type LineBatch } from '../line-reader.js';
import { RawLineCollector } from '../raw-line-collector.js';

async function batchesOf(chunks: string[]): Promise<LineBatch[]> {
  const batches: LineBatch[] = [];
  for await (const batch of readLines(Readable.from(chunks.map((chunk) => Buffer.from(chunk))))) batches.push(batch);
  return batches;
}

/** Collect lines from `skip` on, taking a block every `every` lines: each block must equal the lines joined. */
function blocksOf(batches: LineBatch[], every: number, skip = 0): { text: string; expected: string }[] {
  const collector = new RawLineCollector();
  const blocks: { text: string; expected: string }[] = [];
  let expected: string[] = [];
  const take = (): void => {
    blocks.push({ text: collector.take().toString('utf8'), expected: expected.join('\n') });
    expected = [];
  };
  let seen = 0;
  for (const batch of batches) {
    batch.lines.forEach((line, index) => {
      if (seen++ < skip) return;
      collector.add(batch, index);
      expected.push(line);
      if (collector.lineCount >= every) take();
    });
  }
  if (collector.lineCount > 0) take();
  return blocks;
}

describe('RawLineCollector', () => {
  it('gives the lines joined by newlines, cut anywhere, across batches and multi-byte text', async () => {
    const batches = await batchesOf(['a,1\nBø,2\nÅsa,3\n', 'Zürich,4\n東京,5\nx', 'y,6\nlast']);
    for (const every of [1, 2, 3, 4, 100]) {
      for (const skip of [0, 1, 4]) {
        for (const block of blocksOf(batches, every, skip)) expect(block.text).toBe(block.expected);
      }
    }
  });

  it('joins lines the reader changed (CR stripped, invalid UTF-8) from their text', async () => {
    const batches = await batchesOf(['one\r\ntwo\r\n', 'three\nfour\n']);
    expect(batches[0].verbatim).toBeNull();
    for (const block of blocksOf(batches, 3)) expect(block.text).toBe(block.expected);
    const invalid: LineBatch[] = [];
    for await (const batch of readLines(Readable.from([Buffer.from([0x61, 0x0a, 0xff, 0x0a, 0x62, 0x0a])]))) invalid.push(batch);
    expect(invalid[0].verbatim).toBeNull();
    expect(blocksOf(invalid, 10)[0].text).toBe('a\n\nb');
  });
});
