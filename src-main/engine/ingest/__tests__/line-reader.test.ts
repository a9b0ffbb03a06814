import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines } from '../line-reader.js';

/** Every line with its number and problem, as one list, for easy assertions. */
async function collect(chunks: Buffer[], maxLineBytes?: number) {
  const lines: { line: number; text: string; problem?: string }[] = [];
  for await (const batch of readLines(Readable.from(chunks), maxLineBytes)) {
    batch.lines.forEach((text, index) => {
      const problem = batch.problems.find((found) => found.index === index);
      lines.push({ line: batch.firstLineNumber + index, text, ...(problem ? { problem: problem.reason } : {}) });
    });
  }
  return lines;
}

describe('readLines', () => {
  it('numbers lines across chunk boundaries, strips CR, keeps a last line without newline', async () => {
    const text = Buffer.from('first\r\nsecond\nthird line\nlast');
    const chunks = [text.subarray(0, 3), text.subarray(3, 9), text.subarray(9, 20), text.subarray(20)];
    expect(await collect(chunks)).toEqual([
      { line: 1, text: 'first' },
      { line: 2, text: 'second' },
      { line: 3, text: 'third line' },
      { line: 4, text: 'last' },
    ]);
  });

  it('keeps a multi-byte character split between chunks', async () => {
    const text = Buffer.from('Bø\nÅsa\n');
    expect(await collect([text.subarray(0, 2), text.subarray(2)])).toEqual([
      { line: 1, text: 'Bø' },
      { line: 2, text: 'Åsa' },
    ]);
  });

  it('decodes ASCII, Latin-1 letters and other scripts mixed in one chunk as UTF-8 text', async () => {
    const lines = ['plain', 'Montréal,QC', '', 'Łódź', '東京,13', 'ascii again', '😀 end'];
    const found = await collect([Buffer.from(lines.join('\n'))]);
    expect(found.map((entry) => entry.text)).toEqual(lines);
    expect(found.every((entry) => entry.problem === undefined)).toBe(true);
  });

  it('reports a line longer than the limit without buffering it, and goes on', async () => {
    const long = Buffer.alloc(10 * 1024 * 1024, 0x61);
    const chunks = [Buffer.from('before\n'), ...Array.from({ length: 10 }, (_, index) => long.subarray(index * 1048576, (index + 1) * 1048576)), Buffer.from('\nafter\n')];
    const lines = await collect(chunks);
    expect(lines).toEqual([
      { line: 1, text: 'before' },
      { line: 2, text: '', problem: 'line longer than 65536 bytes (10485760 bytes)' },
      { line: 3, text: 'after' },
    ]);
  });

  it('reports an overlong line inside one chunk and at the end of input', async () => {
    const lines = await collect([Buffer.from(`ok\n${'x'.repeat(100)}\nok\n${'y'.repeat(100)}`)], 50);
    expect(lines.map((line) => line.problem ?? line.text)).toEqual(['ok', 'line longer than 50 bytes (100 bytes)', 'ok', 'line longer than 50 bytes (100 bytes)']);
  });

  it('reports invalid UTF-8 per line and decodes the good lines of the same chunk', async () => {
    const bad = Buffer.concat([Buffer.from('good one\nbad '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' line\ngood two\n')]);
    expect(await collect([bad])).toEqual([
      { line: 1, text: 'good one' },
      { line: 2, text: '', problem: 'invalid UTF-8' },
      { line: 3, text: 'good two' },
    ]);
  });
});
