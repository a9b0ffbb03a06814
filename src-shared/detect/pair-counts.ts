/** Slots the table starts with (a power of two). */
const initialSlots = 1024;

/**
 * How many times each pair (key, member) is counted, for small non-negative integer keys and integer
 * members (ids, or -1): one open-addressing hash table in typed arrays (linear probing, deletion by
 * backward shift, at most half full). A sliding window counts the members of every key in one table
 * instead of a Map per key: nothing is allocated per key or per attempt.
 */
export class PairCounts {
  /** Key + 1 per slot, 0 for an empty slot. */
  private keys = new Int32Array(initialSlots);
  private members = new Int32Array(initialSlots);
  private counts = new Int32Array(initialSlots);
  private mask = initialSlots - 1;
  private used = 0;

  /** The count of (key, member), 0 when it has none. */
  get(key: number, member: number): number {
    const slot = this.find(key, member);
    return slot < 0 ? 0 : this.counts[slot];
  }

  /** Count (key, member) once more; its new count. */
  increment(key: number, member: number): number {
    const mask = this.mask;
    let slot = this.home(key, member);
    for (let stored = this.keys[slot]; stored !== 0; stored = this.keys[slot]) {
      if (stored === key + 1 && this.members[slot] === member) return ++this.counts[slot];
      slot = (slot + 1) & mask;
    }
    this.keys[slot] = key + 1;
    this.members[slot] = member;
    this.counts[slot] = 1;
    if (++this.used * 2 > this.keys.length) this.grow();
    return 1;
  }

  /** Count (key, member), which has a count, once less; its new count (at 0 the pair is forgotten). */
  decrement(key: number, member: number): number {
    const slot = this.find(key, member);
    if (slot < 0) throw new Error(`pair (${key}, ${member}) was never counted`);
    const left = --this.counts[slot];
    if (left === 0) this.remove(slot);
    return left;
  }

  /** Pairs with a count. */
  get size(): number {
    return this.used;
  }

  private find(key: number, member: number): number {
    const mask = this.mask;
    let slot = this.home(key, member);
    for (let stored = this.keys[slot]; stored !== 0; stored = this.keys[slot]) {
      if (stored === key + 1 && this.members[slot] === member) return slot;
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** The slot a pair's probe starts at: the pair's bits mixed (multiply and shift), masked. */
  private home(key: number, member: number): number {
    let hash = Math.imul(key, 0x9e3779b1) ^ member;
    hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
    return (hash ^ (hash >>> 13)) & this.mask;
  }

  /** Empty `slot`, moving back the entries after it that probed past it, so no probe stops short. */
  private remove(slot: number): void {
    const mask = this.mask;
    let hole = slot;
    for (let next = (hole + 1) & mask; this.keys[next] !== 0; next = (next + 1) & mask) {
      const home = this.home(this.keys[next] - 1, this.members[next]);
      // The entry at `next` may fill the hole when the hole lies on its probe, from its home to `next`.
      if (((next - home) & mask) >= ((next - hole) & mask)) {
        this.keys[hole] = this.keys[next];
        this.members[hole] = this.members[next];
        this.counts[hole] = this.counts[next];
        hole = next;
      }
    }
    this.keys[hole] = 0;
    this.used--;
  }

  /** Twice the slots, every pair placed again. */
  private grow(): void {
    const [keys, members, counts] = [this.keys, this.members, this.counts];
    const length = keys.length * 2;
    this.keys = new Int32Array(length);
    this.members = new Int32Array(length);
    this.counts = new Int32Array(length);
    this.mask = length - 1;
    for (let slot = 0; slot < keys.length; slot++) {
      if (keys[slot] === 0) continue;
      let target = this.home(keys[slot] - 1, members[slot]);
      while (this.keys[target] !== 0) target = (target + 1) & this.mask;
      this.keys[target] = keys[slot];
      this.members[target] = members[slot];
      this.counts[target] = counts[slot];
    }
  }
}
