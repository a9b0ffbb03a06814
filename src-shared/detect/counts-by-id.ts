/** Ids the counts have room for before they first grow. */
const initialIds = 1024;

/**
 * A count per small integer id (an interned address, say), in a typed array that grows with the largest id:
 * no object per id to allocate, to find behind a pointer, or to trace in garbage collection.
 */
export class CountsById {
  private counts = new Int32Array(initialIds);

  /** The count of `id` (0 before its first `add`). */
  get(id: number): number {
    return id < this.counts.length ? this.counts[id] : 0;
  }

  /** Count `id` once more. */
  add(id: number): void {
    if (id >= this.counts.length) {
      const larger = new Int32Array(Math.max(id + 1, this.counts.length * 2));
      larger.set(this.counts);
      this.counts = larger;
    }
    this.counts[id]++;
  }
}
