/**
 * The live sources' parsing in a thread of its own (the live parse worker), on the other core, while
 * the live worker stores and scores: parsing and enrichment were a fifth of the live worker's time.
 */
import type { Worker } from 'node:worker_threads';
import type { LiveParseReply, LiveParseRequest } from '../workers/live-parse-protocol.js';
import { startEngineWorker } from '../workers/run-import.js';
import type { LiveParseOptions, ParsedBatch } from './live-parser.js';

/** A running parse thread. */
export class LiveParseThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (batch: ParsedBatch) => void; reject: (error: Error) => void }>();
  private seq = 0;
  private failure: Error | null = null;

  constructor() {
    // The IP database (read into memory once) and a few batches in flight.
    this.worker = startEngineWorker('live-parse-worker', { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 });
    this.worker.on('message', (reply: LiveParseReply) => {
      const waiter = this.pending.get(reply.seq);
      if (!waiter) return;
      this.pending.delete(reply.seq);
      if (reply.type === 'parsed') waiter.resolve(reply.batch);
      else waiter.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    });
    this.worker.on('error', (error) => this.fail(new Error(`the live parse worker crashed: ${error.message}`)));
    this.worker.on('exit', (code) => this.fail(new Error(`the live parse worker exited (code ${code})`)));
  }

  /** Parse a batch of one source's texts in the thread; rejects when the thread has failed. */
  parse(sourceId: number, options: LiveParseOptions, texts: (string | null)[], firstLine: number): Promise<ParsedBatch> {
    if (this.failure) return Promise.reject(this.failure);
    const seq = ++this.seq;
    return new Promise<ParsedBatch>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.worker.postMessage({ type: 'parse', seq, sourceId, options, texts, firstLine } satisfies LiveParseRequest);
    });
  }

  /** Forget a source that ended. */
  close(sourceId: number): void {
    if (!this.failure) this.worker.postMessage({ type: 'close', sourceId } satisfies LiveParseRequest);
  }

  /** End the thread (after the last parse was answered). */
  async stop(): Promise<void> {
    this.fail(new Error('the live parse thread has stopped'));
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}
