import type { CaseReadArguments, CaseReadName, CaseReads } from './case-reads.js';
import { startEngineProcess, type EngineWorker } from './engine-process.js';
import type { ReadReply, ReadRequest } from './read-protocol.js';

/** Heap of a read worker: the reads aggregate in SQLite, so little lives in JavaScript; the cap bounds a runaway. */
const readResourceLimits = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 16 };

/**
 * Read workers per case. With one, a view's 0.1 s read waited behind another view's 8 s one (the overview of a
 * 5M-event case); with two, it runs beside it, one per core.
 */
const readWorkers = 2;

/** A read waiting for a worker, or running in one. */
interface Read {
  request: ReadRequest;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/** A read worker and the one read it runs, if any. */
interface Lane {
  worker: EngineWorker;
  running: Read | null;
}

/**
 * Runs the long reads of one case (`caseReads`) in read workers of the engine process, one read at a time
 * each, in the order asked. Workers start when a read finds every one busy, up to `readWorkers`, and are
 * kept: they hold the caller back from exiting only while they run a read.
 */
export class CaseReader {
  readonly #lanes: Lane[] = [];
  readonly #waiting: Read[] = [];
  #seq = 0;

  constructor(private readonly casePath: string) {}

  read<Name extends CaseReadName>(name: Name, ...rest: CaseReadArguments<Name>): Promise<ReturnType<CaseReads[Name]>> {
    return new Promise((resolve, reject) => {
      const request: ReadRequest<Name> = { seq: ++this.#seq, casePath: this.casePath, name, arguments: rest };
      this.#waiting.push({ request: request as ReadRequest, resolve: resolve as (result: unknown) => void, reject });
      this.#dispatch();
    });
  }

  /** Stop the workers; reads not yet answered fail. */
  async close(): Promise<void> {
    const lanes = this.#lanes.splice(0);
    for (const read of this.#waiting.splice(0)) read.reject(new Error('the case reader was closed'));
    await Promise.all(lanes.map((lane) => lane.worker.terminate()));
  }

  /** Hand waiting reads to idle workers, starting one while there are fewer than `readWorkers`. */
  #dispatch(): void {
    while (this.#waiting.length > 0) {
      const lane = this.#lanes.find((candidate) => candidate.running === null) ?? (this.#lanes.length < readWorkers ? this.#start() : null);
      if (!lane) return;
      const read = this.#waiting.shift()!;
      lane.running = read;
      lane.worker.ref();
      lane.worker.postMessage(read.request);
    }
  }

  #start(): Lane {
    const lane: Lane = { worker: startEngineProcess('read-worker', readResourceLimits), running: null };
    lane.worker.on('message', (reply: ReadReply) => {
      const read = lane.running;
      if (!read || read.request.seq !== reply.seq) return;
      lane.running = null;
      lane.worker.unref();
      if (reply.type === 'result') read.resolve(reply.result);
      else read.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
      this.#dispatch();
    });
    // A worker that failed or ended fails the read it ran; the reads still waiting go to the others, or to a new one.
    const ended = (error: Error): void => {
      const index = this.#lanes.indexOf(lane);
      if (index >= 0) this.#lanes.splice(index, 1);
      lane.running?.reject(error);
      lane.running = null;
      this.#dispatch();
    };
    lane.worker.on('error', ended);
    lane.worker.on('exit', (code) => ended(new Error(`the read worker exited (code ${code}) before answering`)));
    lane.worker.unref();
    this.#lanes.push(lane);
    return lane;
  }
}
