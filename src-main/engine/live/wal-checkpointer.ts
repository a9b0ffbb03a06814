/**
 * Checkpoints of a case's WAL in a thread of their own (the checkpoint worker), for a connection that
 * writes without pause (the live pipeline): the checkpoint it makes at commit then finds little to copy.
 */
import type { Worker } from 'node:worker_threads';
import type { CheckpointReply, CheckpointRequest } from '../workers/checkpoint-protocol.js';
import { startEngineWorker } from '../workers/worker-modules.js';

/**
 * How often the worker copies the WAL into the database file. Each checkpoint writes every page changed
 * since the one before once, however often it changed: every 100 ms rewrote the hot index pages so often
 * that a stream at full rate slowed down; once a second keeps that small.
 */
const intervalMs = 1000;

/** A running checkpoint thread. */
export class WalCheckpointer {
  private stopped: Promise<void> | null = null;

  private constructor(private readonly worker: Worker) {}

  /**
   * Start checkpointing `casePath`; resolves once the worker's connection is open. Problems after that
   * (a failed checkpoint, a crash) go to `onProblem`: the writer's own checkpoints still keep the WAL bounded.
   */
  static async start(casePath: string, onProblem: (message: string) => void): Promise<WalCheckpointer> {
    const worker = startEngineWorker('checkpoint-worker', { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 });
    const checkpointer = new WalCheckpointer(worker);
    await new Promise<void>((resolve, reject) => {
      let started = false;
      worker.on('message', (reply: CheckpointReply) => {
        if (reply.type === 'started') {
          started = true;
          resolve();
        } else if (reply.type === 'error') {
          if (started) onProblem(`WAL checkpoint failed: ${reply.error.message}`);
          else reject(new Error(reply.error.message));
        }
      });
      worker.once('error', (error) => (started ? onProblem(`the checkpoint worker crashed: ${error.message}`) : reject(error)));
      worker.once('exit', (code) => {
        if (!started) reject(new Error(`the checkpoint worker exited (code ${code})`));
        else if (!checkpointer.stopped) onProblem(`the checkpoint worker exited (code ${code})`);
      });
      worker.postMessage({ type: 'start', casePath, intervalMs } satisfies CheckpointRequest);
    }).catch(async (error: unknown) => {
      await worker.terminate();
      throw error;
    });
    return checkpointer;
  }

  /** End the worker (its connection closes first). */
  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      this.worker.on('message', (reply: CheckpointReply) => {
        if (reply.type === 'stopped') resolve();
      });
      this.worker.once('exit', () => resolve());
      this.worker.postMessage({ type: 'stop' } satisfies CheckpointRequest);
    }).then(() => this.worker.terminate().then(() => undefined));
    return this.stopped;
  }
}
