/**
 * A first-in first-out queue bounded in items and in bytes, between a live source and the consumer that
 * stores its messages. A full queue refuses an item (`offer` returns false) instead of growing: the
 * producer either waits for space (TCP, a file) or counts the loss (UDP).
 */

/** Sizes of a queue. */
export interface BoundedQueueOptions<T> {
  /** Most items held at once. */
  capacity: number;
  /** Most bytes held at once, by `sizeOf`; default: no byte bound. */
  maxBytes?: number;
  /** The size of an item in bytes, for `maxBytes`. */
  sizeOf?: (item: T) => number;
}

/** Counters of a queue since it was created. */
export interface QueueCounts {
  /** Items taken in. */
  enqueued: number;
  /** Items refused because the queue was full. */
  refused: number;
  /** Items held now. */
  depth: number;
}

/** A bounded FIFO queue with waiting for space and a listener for new items. */
export class BoundedQueue<T> {
  readonly capacity: number;
  readonly maxBytes: number;
  private readonly sizeOf: (item: T) => number;
  private items: T[] = [];
  private head = 0;
  private bytes = 0;
  private enqueued = 0;
  private refused = 0;
  private spaceWaiters: (() => void)[] = [];
  private readonly itemListeners = new Set<(depth: number) => void>();

  constructor(options: BoundedQueueOptions<T>) {
    if (!(options.capacity >= 1)) throw new RangeError('a queue holds at least one item');
    this.capacity = Math.floor(options.capacity);
    this.maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    this.sizeOf = options.sizeOf ?? (() => 0);
  }

  /** Items held now. */
  get depth(): number {
    return this.items.length - this.head;
  }

  /** Counters since creation. */
  counts(): QueueCounts {
    return { enqueued: this.enqueued, refused: this.refused, depth: this.depth };
  }

  /** Add an item; false (and counted as refused) when the queue is full. */
  offer(item: T): boolean {
    const size = this.sizeOf(item);
    // One item is always let in, even a large one, so a single big message cannot wedge an empty queue.
    if (this.depth >= this.capacity || (this.depth > 0 && this.bytes + size > this.maxBytes)) {
      this.refused++;
      return false;
    }
    this.items.push(item);
    this.bytes += size;
    this.enqueued++;
    for (const listener of this.itemListeners) listener(this.depth);
    return true;
  }

  /** Remove and return up to `max` items, oldest first. */
  take(max: number = Number.POSITIVE_INFINITY): T[] {
    const count = Math.min(max, this.depth);
    if (count <= 0) return [];
    const taken = this.items.slice(this.head, this.head + count);
    this.head += count;
    for (const item of taken) this.bytes -= this.sizeOf(item);
    // Compact now and then instead of shifting on every take.
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    this.releaseWaiters();
    return taken;
  }

  /** Resolves once the queue is at most half full, so a paused producer resumes with room to spare. */
  waitForSpace(): Promise<void> {
    if (this.hasRoom()) return Promise.resolve();
    return new Promise((resolve) => this.spaceWaiters.push(resolve));
  }

  /** Call `listener` with the depth after every added item; returns the function that removes it. */
  onItems(listener: (depth: number) => void): () => void {
    this.itemListeners.add(listener);
    return () => this.itemListeners.delete(listener);
  }

  /** Wake every waiter (when the producer shuts down and nobody will take items any more). */
  releaseAll(): void {
    const waiters = this.spaceWaiters;
    this.spaceWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private hasRoom(): boolean {
    return this.depth <= this.capacity / 2 && this.bytes <= this.maxBytes / 2;
  }

  private releaseWaiters(): void {
    if (this.spaceWaiters.length > 0 && this.hasRoom()) this.releaseAll();
  }
}
