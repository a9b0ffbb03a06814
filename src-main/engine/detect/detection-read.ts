import { getPriority } from 'node:os';
import type { FreemanOptions } from '../../../src-shared/detect/freeman.js';
import type { DetectionLogin } from '../../../src-shared/detect/login.js';
import type { EventDictionaries } from '../store/detection-input.js';
import { eventsPerBatch, type DetectionBatch, type DetectionReadReply, type DetectionReadRequest } from '../workers/detection-read-protocol.js';
import { startEngineWorker } from '../workers/worker-modules.js';
import { batchLogin } from './batch-login.js';
import type { PassUserRisk } from './deferred-user-risk.js';

/**
 * The case's events in time order, at most `limit`, read by a worker thread while the caller judges the
 * batch before (see `detection-read-worker`): batches of logins, each made as it is walked. The reader
 * runs at this thread's priority (a background training's reader is background too). With `userRisk`, the
 * reader also computes the statistical risk a batch behind the pass: tell it, batch by batch, which
 * logins the pass trusted (`judged`), and take the result at the end (`userRisk`).
 */
export class DetectionReader {
  private readonly worker = startEngineWorker('detection-read-worker', undefined, getPriority() > 0);
  private readonly replies: DetectionReadReply[] = [];
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  constructor(
    casePath: string,
    private readonly dictionaries: EventDictionaries,
    limit: number,
    userRisk: FreemanOptions | null,
    batchSize = eventsPerBatch,
  ) {
    this.worker.on('message', (reply: DetectionReadReply) => {
      this.replies.push(reply);
      this.wakeUp();
    });
    this.worker.on('error', (error) => {
      this.failure = error;
      this.wakeUp();
    });
    this.worker.on('exit', (code) => {
      this.failure ??= new Error(`the detection reader stopped (exit code ${code})`);
      this.wakeUp();
    });
    this.post({ type: 'read', casePath, limit, batchSize, userRisk });
  }

  /** The batches of logins, in time order. */
  async *batches(): AsyncGenerator<Iterable<DetectionLogin>> {
    // Texts by the numbers the reader gave them (see DetectionBatch).
    const texts: string[] = [];
    for (;;) {
      const reply = await this.next('batch', 'end');
      if (reply.type === 'end') return;
      for (const text of reply.batch.texts) texts.push(text);
      // Credit at once, so the reader fills the next batch while this one is judged.
      this.post({ type: 'credit' });
      yield this.logins(reply.batch, texts);
    }
  }

  /** Which logins of the next batch the pass trusted (1) for the statistical risk to learn. */
  judged(trusted: Uint8Array): void {
    this.worker.postMessage({ type: 'trusted', trusted } satisfies DetectionReadRequest, [trusted.buffer as ArrayBuffer]);
  }

  /** The statistical risk of every login, once every batch is judged. */
  async userRisk(): Promise<PassUserRisk> {
    const reply = await this.next('user-risk');
    return reply.userRisk;
  }

  close(): void {
    this.worker.removeAllListeners();
    void this.worker.terminate();
  }

  private post(request: DetectionReadRequest): void {
    this.worker.postMessage(request);
  }

  private wakeUp(): void {
    this.wake?.();
    this.wake = null;
  }

  /** The next reply of one of `types` (an error reply throws). */
  private async next<T extends DetectionReadReply['type']>(...types: T[]): Promise<Extract<DetectionReadReply, { type: T }>> {
    for (;;) {
      const index = this.replies.findIndex((reply) => reply.type === 'error' || (types as string[]).includes(reply.type));
      if (index >= 0) {
        const [reply] = this.replies.splice(index, 1);
        if (reply.type === 'error') throw Object.assign(new Error(reply.error.message), { name: reply.error.name });
        return reply as Extract<DetectionReadReply, { type: T }>;
      }
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** The logins of a batch, made one at a time as the pass walks them. */
  private *logins(batch: DetectionBatch, texts: readonly string[]): Generator<DetectionLogin> {
    for (let row = 0; row < batch.count; row++) yield batchLogin(batch, row, texts, this.dictionaries);
  }
}
