/**
 * A live source as the ingest sees it (a syslog listener, a file tail): a name, a bounded queue of items
 * and counters that account for every item it read: queued, rejected, or dropped for want of room.
 */
import { BoundedQueue } from './bounded-queue.js';
import { liveItemBytes, type LiveItem } from './live-message.js';

/** Counters of a live source since it started. */
export interface LiveInputStats {
  /** Items read (messages and rejects; empty frames are not counted). */
  received: number;
  /** Messages put in the queue. */
  accepted: number;
  /** Rejects put in the queue (each is stored with its reason). */
  rejected: number;
  /** Items lost because the queue was full (UDP) or the source closed with items still waiting. */
  dropped: number;
  /** Items in the queue now. */
  queueDepth: number;
  /** Frames that began like an octet count and were read as lines instead (TCP). */
  framingFallbacks: number;
  /** Open connections (TCP). */
  connections: number;
  /** Datagrams the kernel dropped before the listener read them (UDP on Linux), else null. */
  kernelDrops: number | null;
  /** Errors on connections or the socket that did not stop the source. */
  errors: number;
}

/** A running live source. */
export interface LiveInput {
  /** e.g. `udp://127.0.0.1:5514`, `tcp://127.0.0.1:6514`, `file:///var/log/auth.log`. */
  readonly name: string;
  readonly queue: BoundedQueue<LiveItem>;
  stats(): LiveInputStats;
  /** Stop reading; resolves once sockets and files are closed. Items already queued stay in the queue. */
  close(): Promise<void>;
}

/** Sizes of a live source's queue. */
export interface LiveQueueOptions {
  /** Most items waiting to be stored. Default 20,000 (twice the live pipeline's largest batch). */
  queueCapacity?: number;
  /** Most bytes waiting to be stored. Default 32 MiB. */
  queueBytes?: number;
}

/** A queue for a live source. */
export function createLiveQueue(options: LiveQueueOptions = {}): BoundedQueue<LiveItem> {
  return new BoundedQueue<LiveItem>({ capacity: options.queueCapacity ?? 20_000, maxBytes: options.queueBytes ?? 32 * 1024 * 1024, sizeOf: liveItemBytes });
}

/** The counting front of a queue: every item goes through `offer` or `drop`, so the counters add up. */
export class LiveFeeder {
  readonly counts = { received: 0, accepted: 0, rejected: 0, dropped: 0, framingFallbacks: 0, errors: 0 };

  constructor(readonly queue: BoundedQueue<LiveItem>) {}

  /** Note an item read from the source. */
  receive(): void {
    this.counts.received++;
  }

  /** Queue an item; false when the queue is full (the caller waits, or drops it). */
  offer(item: LiveItem): boolean {
    if (!this.queue.offer(item)) return false;
    if (item.kind === 'message') this.counts.accepted++;
    else this.counts.rejected++;
    return true;
  }

  /** Count items that will never be queued. */
  drop(count = 1): void {
    this.counts.dropped += count;
  }

  /** The counters with the queue's depth. */
  stats(extra: { connections?: number; kernelDrops?: number | null } = {}): LiveInputStats {
    return { ...this.counts, queueDepth: this.queue.depth, connections: extra.connections ?? 0, kernelDrops: extra.kernelDrops ?? null };
  }
}
