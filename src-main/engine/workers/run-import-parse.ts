import type { Worker } from 'node:worker_threads';
import type { FileIdentity } from '../ingest/file-source.js';
import type { BatchPlan, BatchProducer, ImportBatch, ParseThread } from '../ingest/import-batches.js';
import { ImportError } from '../ingest/import-error.js';
import { batchesAhead, startBatchesAhead, type ParseReply, type ParseRequest } from './import-parse-protocol.js';
import { startEngineWorker } from './worker-modules.js';

/** Heap limits of the parse worker: a few batches, the labels and the location indexes (the gazetteer needs ~100 MB while it builds). A small young generation keeps the import under its memory bar. */
const parseResourceLimits = { maxOldGenerationSizeMb: 144, maxYoungGenerationSizeMb: 16 };

/**
 * Start a parse worker ahead of its plan (it loads its modules while the caller hashes the file); `run`
 * makes it a batch producer in its own thread, so parsing uses one core while the caller
 * writes to SQLite on the other. Ending the iteration, or `stop`, terminates the worker.
 */
export function startParseWorker(): ParseThread {
  const worker = startEngineWorker('import-parse-worker', parseResourceLimits, true);
  return {
    run: (plan, identify = false) => produceInWorker(worker, plan, identify),
    stop: () => void worker.terminate(),
  };
}

function produceInWorker(worker: Worker, plan: BatchPlan, identify: boolean): BatchProducer {
  const queue: Exclude<ParseReply, { type: 'identity' }>[] = [];
  let wake: (() => void) | null = null;
  let assumptions: string[] = [];
  // The head start the worker was given at the start is taken back from the credits of the first batches.
  let withheld = startBatchesAhead - batchesAhead;
  let identified: (identity: FileIdentity) => void = () => undefined;
  let unidentified: (error: Error) => void = () => undefined;
  const identity = new Promise<FileIdentity>((resolve, reject) => {
    identified = resolve;
    unidentified = reject;
  });
  identity.catch(() => undefined);
  const push = (reply: ParseReply): void => {
    if (reply.type === 'identity') {
      identified(reply.identity);
      return;
    }
    // A worker that fails before it hashed leaves the hashing to the caller (which reports why it cannot read).
    if (reply.type === 'error') unidentified(new Error(reply.error.message));
    queue.push(reply);
    wake?.();
    wake = null;
  };
  worker.on('message', push);
  worker.on('error', (error) => push({ type: 'error', error: { name: error.name, message: error.message } }));
  worker.on('exit', (code) => push({ type: 'error', error: { name: 'Error', message: `import parse worker exited with code ${code}` } }));
  worker.postMessage({ type: 'start', plan, identify } satisfies ParseRequest);

  async function* batches(): AsyncGenerator<ImportBatch> {
    try {
      for (;;) {
        while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        const reply = queue.shift() as (typeof queue)[number];
        if (reply.type === 'end') {
          assumptions = reply.assumptions;
          return;
        }
        if (reply.type === 'error') {
          throw reply.error.name === 'ImportError' ? new ImportError(reply.error.message) : Object.assign(new Error(reply.error.message), { name: reply.error.name });
        }
        yield reply.batch;
        if (withheld > 0) withheld--;
        else worker.postMessage({ type: 'credit' } satisfies ParseRequest);
      }
    } finally {
      worker.removeAllListeners();
      void worker.terminate();
    }
  }
  return { batches, assumptions: () => assumptions, ...(identify ? { identity: () => identity } : {}) };
}
