/**
 * A least-recently-used cache in two generations of Maps (the scheme of the `quick-lru` package):
 * new entries go to the current generation; when it holds `capacity` entries it becomes the old one and
 * the previous old one is dropped whole. A hit in the old generation moves the entry back to the current
 * one, so what is used survives. Every operation is O(1) with no per-entry bookkeeping; the cache holds at
 * most 2 × `capacity` entries, and an entry not used for `capacity` insertions may go.
 * (A single Map with delete-and-reinsert is exact LRU but slows down badly under a stream of misses.)
 */
export class LruCache<Key, Value> {
  private current = new Map<Key, Value>();
  private old = new Map<Key, Value>();

  constructor(private readonly capacity: number) {}

  /** The cached value, or undefined. */
  get(key: Key): Value | undefined {
    const value = this.current.get(key);
    if (value !== undefined) return value;
    const aging = this.old.get(key);
    if (aging !== undefined) {
      this.old.delete(key);
      this.add(key, aging);
    }
    return aging;
  }

  /** Cache a value (undefined is not cacheable: `get` could not tell it from a miss). */
  set(key: Key, value: Value): void {
    if (this.current.has(key)) this.current.set(key, value);
    else {
      this.old.delete(key);
      this.add(key, value);
    }
  }

  /** Number of cached entries. */
  get size(): number {
    return this.current.size + this.old.size;
  }

  private add(key: Key, value: Value): void {
    this.current.set(key, value);
    if (this.current.size >= this.capacity) {
      this.old = this.current;
      this.current = new Map();
    }
  }
}
