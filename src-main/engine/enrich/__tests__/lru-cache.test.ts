import { describe, expect, it } from 'vitest';
import { LruCache } from '../lru-cache.js';

describe('LruCache', () => {
  it('keeps what is used and drops what is not, within 2 × capacity entries', () => {
    const cache = new LruCache<number, string>(100);
    cache.set(-1, 'kept');
    cache.set(-2, 'dropped');
    for (let i = 0; i < 1000; i++) {
      cache.set(i, String(i));
      expect(cache.get(-1)).toBe('kept');
      expect(cache.size).toBeLessThanOrEqual(200);
    }
    expect(cache.get(-2)).toBeUndefined();
    expect(cache.get(999)).toBe('999');
    expect(cache.get(500)).toBeUndefined();
  });

  it('caches null results and overwrites values', () => {
    const cache = new LruCache<string, string | null>(4);
    cache.set('private', null);
    expect(cache.get('private')).toBeNull();
    expect(cache.get('missing')).toBeUndefined();
    cache.set('private', 'now known');
    expect(cache.get('private')).toBe('now known');
  });
});
