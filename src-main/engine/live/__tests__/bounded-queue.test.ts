import { describe, expect, it } from 'vitest';
import { BoundedQueue } from '../bounded-queue.js';

describe('BoundedQueue', () => {
  it('keeps order, refuses items beyond its capacity and counts them', () => {
    const queue = new BoundedQueue<number>({ capacity: 3 });
    expect([1, 2, 3, 4].map((item) => queue.offer(item))).toEqual([true, true, true, false]);
    expect(queue.counts()).toEqual({ enqueued: 3, refused: 1, depth: 3 });
    expect(queue.take(2)).toEqual([1, 2]);
    expect(queue.offer(5)).toBe(true);
    expect(queue.take()).toEqual([3, 5]);
    expect(queue.take()).toEqual([]);
  });

  it('bounds bytes too, but always lets one item into an empty queue', () => {
    const queue = new BoundedQueue<string>({ capacity: 100, maxBytes: 10, sizeOf: (item) => item.length });
    expect(queue.offer('x'.repeat(50))).toBe(true);
    expect(queue.offer('y')).toBe(false);
    queue.take();
    expect(queue.offer('12345')).toBe(true);
    expect(queue.offer('67890')).toBe(true);
    expect(queue.offer('!')).toBe(false);
  });

  it('wakes a waiting producer once it has drained to half', async () => {
    const queue = new BoundedQueue<number>({ capacity: 4 });
    for (let item = 0; item < 4; item++) queue.offer(item);
    let woken = false;
    const waiting = queue.waitForSpace().then(() => (woken = true));
    queue.take(1);
    await Promise.resolve();
    expect(woken).toBe(false);
    queue.take(1);
    await waiting;
    expect(woken).toBe(true);
  });

  it('tells a listener the depth after each item', () => {
    const queue = new BoundedQueue<number>({ capacity: 10 });
    const depths: number[] = [];
    const stop = queue.onItems((depth) => depths.push(depth));
    queue.offer(1);
    queue.offer(2);
    stop();
    queue.offer(3);
    expect(depths).toEqual([1, 2]);
  });
});
