import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const first = createRandom(42);
    const second = createRandom(42);
    const other = createRandom(43);
    const a = Array.from({ length: 5 }, () => first.next());
    expect(Array.from({ length: 5 }, () => second.next())).toEqual(a);
    expect(Array.from({ length: 5 }, () => other.next())).not.toEqual(a);
  });

  it('is uniform enough: mean near 0.5 and integers cover their range', () => {
    const random = createRandom(7);
    let sum = 0;
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) {
      sum += random.next();
      seen.add(random.integer(10));
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
