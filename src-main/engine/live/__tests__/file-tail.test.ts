import { appendFileSync, mkdtempSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileTail, type FileTailOptions } from '../file-tail.js';
import type { LiveItem } from '../live-message.js';
import { waitFor } from './wait.js';

const tails: FileTail[] = [];

function follow(options: FileTailOptions): FileTail {
  const tail = new FileTail({ pollMs: 20, ...options });
  tails.push(tail);
  return tail;
}

afterEach(async () => {
  await Promise.all(tails.splice(0).map((tail) => tail.close()));
});

function temporaryFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'vigil-tail-')), 'auth.log');
}

function lines(items: LiveItem[]): [number | undefined, string][] {
  return items.map((item) => [item.fileLine, item.kind === 'message' ? item.text : `REJECT ${item.reason}`]);
}

/** Wait until `count` items are queued, then take them. */
async function collect(tail: FileTail, count: number): Promise<LiveItem[]> {
  await waitFor(() => tail.queue.depth >= count, 5000, `${count} lines`);
  return tail.queue.take();
}

describe('FileTail', () => {
  it('reads from the start, then what is appended, a partial line once it is complete', async () => {
    const path = temporaryFile();
    writeFileSync(path, 'one\ntwo\n\nfour\n');
    const tail = follow({ path, from: 'start' });
    expect(tail.name).toBe(`file://${path}`);
    expect(lines(await collect(tail, 3))).toEqual([
      [1, 'one'],
      [2, 'two'],
      [4, 'four'],
    ]);
    appendFileSync(path, 'five\nsix\nsev');
    expect(lines(await collect(tail, 2))).toEqual([
      [5, 'five'],
      [6, 'six'],
    ]);
    await tail.settle();
    expect(tail.queue.depth).toBe(0);
    appendFileSync(path, 'en\r\n');
    expect(lines(await collect(tail, 1))).toEqual([[7, 'seven']]);
  });

  it('from the end, reads only what is appended', async () => {
    const path = temporaryFile();
    writeFileSync(path, 'old 1\nold 2\n');
    const tail = follow({ path, from: 'end' });
    await tail.settle();
    appendFileSync(path, 'new\n');
    expect(lines(await collect(tail, 1))).toEqual([[1, 'new']]);
  });

  it('follows rotation: finishes the old file, then reads the new one from its start', async () => {
    const path = temporaryFile();
    writeFileSync(path, 'a1\na2\n');
    const tail = follow({ path, from: 'start' });
    expect(lines(await collect(tail, 2)).map(([, text]) => text)).toEqual(['a1', 'a2']);
    renameSync(path, `${path}.1`);
    // The writer still had the old file open: its last line lands there, without a newline.
    appendFileSync(`${path}.1`, 'a3\na4');
    writeFileSync(path, 'b1\nb2\n');
    expect(lines(await collect(tail, 4))).toEqual([
      [3, 'a3'],
      [4, 'a4'],
      [1, 'b1'],
      [2, 'b2'],
    ]);
    expect(tail.stats()).toMatchObject({ rotations: 1, truncations: 0, received: 6, dropped: 0 });
  });

  it('starts again at the beginning when the file is truncated (copytruncate)', async () => {
    const path = temporaryFile();
    writeFileSync(path, 'x1\nx2\nx3\n');
    const tail = follow({ path, from: 'start' });
    await collect(tail, 3);
    truncateSync(path, 0);
    await waitFor(() => tail.stats().truncations === 1, 5000, 'the truncation');
    appendFileSync(path, 'y1\n');
    expect(lines(await collect(tail, 1))).toEqual([[1, 'y1']]);
  });

  it('rejects a 1 MB line and invalid UTF-8 with reasons and line numbers, and reads on', async () => {
    const path = temporaryFile();
    writeFileSync(path, Buffer.concat([Buffer.from(`good 1\n${'L'.repeat(1024 * 1024)}\nbad `), Buffer.from([0xff, 0xfe]), Buffer.from('\ngood 4\n')]));
    const tail = follow({ path, from: 'start' });
    expect(lines(await collect(tail, 4))).toEqual([
      [1, 'good 1'],
      [2, 'REJECT message longer than 65536 bytes (1048576 bytes)'],
      [3, 'REJECT invalid UTF-8'],
      [4, 'good 4'],
    ]);
  });

  it('with a tiny queue, stops reading instead of losing lines', async () => {
    const path = temporaryFile();
    const written = Array.from({ length: 500 }, (_, index) => `line ${index + 1}`);
    writeFileSync(path, written.join('\n') + '\n');
    const tail = follow({ path, from: 'start', queueCapacity: 5 });
    const read: string[] = [];
    await waitFor(
      () => {
        read.push(...tail.queue.take(3).map((item) => (item.kind === 'message' ? item.text : '')));
        return read.length === written.length;
      },
      10_000,
      'every line',
    );
    expect(read).toEqual(written);
    expect(tail.stats()).toMatchObject({ received: 500, accepted: 500, dropped: 0 });
  });
});
