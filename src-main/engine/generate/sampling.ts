import type { Random } from '../../../src-shared/random.js';

/**
 * A seed for one independent random stream, derived from the run's seed and a path of numbers
 * (stream kind, index). Every user and attack draws from its own stream, so the order in which the
 * timeline consumes them never changes what they produce.
 */
export function deriveSeed(seed: number, ...path: number[]): number {
  let hash = Math.imul((seed >>> 0) ^ 0x5bd1e995, 0x9e3779b1) >>> 0;
  for (const part of path) {
    hash = Math.imul(hash ^ (part >>> 0), 0x85ebca6b) >>> 0;
    hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35) >>> 0;
    hash = (hash ^ (hash >>> 16)) >>> 0;
  }
  return hash;
}

/** A 32-bit FNV-1a hash of a string, offset by `basis` for a second independent hash. */
export function hashText(text: string, basis = 0x811c9dc5): number {
  let hash = basis >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A Poisson-distributed count (Knuth's method: the means used here are small). */
export function poisson(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random.next();
  while (product > limit) {
    count++;
    product *= random.next();
  }
  return count;
}

/** A normal draw with the given mean and standard deviation, clamped to [low, high]. */
export function normalBetween(random: Random, mean: number, deviation: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, mean + deviation * random.normal()));
}

/** An integer in [low, high] inclusive. */
export function integerBetween(random: Random, low: number, high: number): number {
  return low + random.integer(high - low + 1);
}

/** Picks items by weight; the cumulative table is built once. */
export interface WeightedPicker<T> {
  pick(random: Random): T;
}

/** A picker over `items` with `weight(item)` (non-negative; at least one positive). */
export function weightedPicker<T>(items: readonly T[], weight: (item: T) => number): WeightedPicker<T> {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) {
    total += Math.max(0, weight(item));
    cumulative.push(total);
  }
  if (total <= 0) throw new Error('weightedPicker: no positive weight');
  return {
    pick(random) {
      const target = random.next() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (cumulative[middle] > target) high = middle;
        else low = middle + 1;
      }
      return items[low];
    },
  };
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = items.slice();
  for (let index = copy.length - 1; index > 0; index--) {
    const other = random.integer(index + 1);
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}
