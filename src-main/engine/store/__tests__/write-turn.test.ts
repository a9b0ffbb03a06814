import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { WriteTurn } from '../write-turn.js';

describe('turns at writing', () => {
  it('runs a write at once when nobody holds the turn, and gives back its result', () => {
    const turn = new WriteTurn();
    expect(turn.hold(() => 42)).toBe(42);
    expect(turn.hold(() => 'again')).toBe('again');
  });

  it('waits while another thread holds the turn, and writes once it is handed over', async () => {
    const turn = new WriteTurn();
    // The other thread takes the turn, says so, keeps it 300 ms, says when it hands it over, and does.
    const holder = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const flag = new Int32Array(workerData);
       Atomics.compareExchange(flag, 0, 0, 1);
       parentPort.postMessage('holding');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
       parentPort.postMessage(Date.now());
       Atomics.store(flag, 0, 0);
       Atomics.notify(flag, 0, 1);`,
      { eval: true, workerData: turn.buffer },
    );
    const released = new Promise<number>((resolve) => holder.on('message', (message: unknown) => typeof message === 'number' && resolve(message)));
    await new Promise<void>((resolve) => holder.once('message', () => resolve()));
    const wroteAt = turn.hold(() => Date.now());
    const releasedAt = await released;
    // It wrote only once the other thread let go.
    expect(wroteAt).toBeGreaterThanOrEqual(releasedAt);
    await holder.terminate();
  });
});
