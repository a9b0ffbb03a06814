import { describe, expect, it } from 'vitest';
import { PairCounts } from '../pair-counts.js';

describe('PairCounts', () => {
  it('counts pairs up and down, members -1 included, and forgets a pair at zero', () => {
    const pairs = new PairCounts();
    expect(pairs.increment(4, -1)).toBe(1);
    expect(pairs.increment(4, -1)).toBe(2);
    expect(pairs.increment(4, 7)).toBe(1);
    expect(pairs.get(4, -1)).toBe(2);
    expect(pairs.get(7, 4)).toBe(0);
    expect(pairs.decrement(4, 7)).toBe(0);
    expect(pairs.get(4, 7)).toBe(0);
    expect(pairs.size).toBe(1);
    expect(() => pairs.decrement(4, 7)).toThrow();
  });

  it('agrees with a Map through growth and many removals', () => {
    const pairs = new PairCounts();
    const reference = new Map<string, number>();
    let seed = 12345;
    const random = (below: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % below;
    };
    const live: [number, number][] = [];
    for (let step = 0; step < 50_000; step++) {
      if (live.length > 0 && random(3) === 0) {
        const [key, member] = live.splice(random(live.length), 1)[0];
        const name = `${key}:${member}`;
        const left = (reference.get(name) ?? 0) - 1;
        if (left === 0) reference.delete(name);
        else reference.set(name, left);
        expect(pairs.decrement(key, member)).toBe(left);
      } else {
        const key = random(300);
        const member = random(40) - 1;
        const name = `${key}:${member}`;
        reference.set(name, (reference.get(name) ?? 0) + 1);
        live.push([key, member]);
        expect(pairs.increment(key, member)).toBe(reference.get(name));
      }
    }
    expect(pairs.size).toBe(reference.size);
    for (const [name, count] of reference) {
      const [key, member] = name.split(':').map(Number);
      expect(pairs.get(key, member)).toBe(count);
    }
  });
});
