import type { CaseReadArguments, CaseReadName, CaseReads } from './case-reads.js';
import { startEngineProcess, type EngineWorker } from './engine-process.js';
import type { ReadReply, ReadRequest } from './read-protocol.js';

/** Heap of the read worker: the reads aggregate in SQLite, so little lives in JavaScript; the cap bounds a runaway. */
const readResourceLimits = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 16 };

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/**
 * Runs the long reads of one case (`caseReads`) in a read worker of the engine process, started at the
 * first read and kept: it holds the caller back from exiting only while a read is pending.
 */
export class CaseReader {
  #worker: EngineWorker | null = null;
  readonly #pending = new Map<number, Pending>();
  #seq = 0;

  constructor(private readonly casePath: string) {}

  read<Name extends CaseReadName>(name: Name, ...rest: CaseReadArguments<Name>): Promise<ReturnType<CaseReads[Name]>> {
    const worker = this.#start();
    const seq = ++this.#seq;
    return new Promise((resolve, reject) => {
      if (this.#pending.size === 0) worker.ref();
      this.#pending.set(seq, { resolve: resolve as (result: unknown) => void, reject });
      worker.postMessage({ seq, casePath: this.casePath, name, arguments: rest } satisfies ReadRequest<Name>);
    });
  }

  /** Stop the worker; pending reads fail. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    await worker?.terminate();
  }

  #start(): EngineWorker {
    if (this.#worker) return this.#worker;
    const worker = startEngineProcess('read-worker', readResourceLimits);
    worker.on('message', (reply: ReadReply) => {
      const pending = this.#pending.get(reply.seq);
      if (!pending) return;
      this.#settled(worker, reply.seq);
      if (reply.type === 'result') pending.resolve(reply.result);
      else pending.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    });
    // A worker that failed or ended fails what it had not answered; the next read starts another.
    const ended = (error: Error): void => {
      if (this.#worker === worker) this.#worker = null;
      for (const [seq, pending] of this.#pending) {
        this.#pending.delete(seq);
        pending.reject(error);
      }
    };
    worker.on('error', ended);
    worker.on('exit', (code) => ended(new Error(`the read worker exited (code ${code}) before answering`)));
    worker.unref();
    return (this.#worker = worker);
  }

  #settled(worker: EngineWorker, seq: number): void {
    this.#pending.delete(seq);
    if (this.#pending.size === 0) worker.unref();
  }
}
