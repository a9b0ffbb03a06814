import type { Worker } from 'node:worker_threads';
import type { FileIdentity } from '../ingest/file-source.js';
import type { BatchPlan, BatchProducer, ImportBatch, ParseThread } from '../ingest/import-batches.js';
import { ImportError } from '../ingest/import-error.js';
import { batchesAhead, startBatchesAhead, type BatchReply, type IdentityReply, type ParseRequest } from './import-parse-protocol.js';
import { startEngineWorker } from './worker-modules.js';

/** Heap limits of the parse worker: a few batches, the labels and the location indexes (the gazetteer needs ~100 MB while it builds). A small young generation keeps the import under its memory bar. */
const parseResourceLimits = { maxOldGenerationSizeMb: 144, maxYoungGenerationSizeMb: 16 };

/**
 * Start a parse worker ahead of its plan (it loads its modules while the caller prepares); `run`
 * makes it a batch producer in its own thread, so parsing uses one core while the caller
 * writes to SQLite on the other. Ending the iteration, or `stop`, terminates the worker.
 */
export function startParseWorker(): ParseThread {
  const worker = startEngineWorker('import-parse-worker', parseResourceLimits, true);
  return {
    run: (plan) => produceInWorker(worker, plan),
    identify: (path) => identifyInWorker(worker, path),
    stop: () => void worker.terminate(),
  };
}

/** The file's identity, hashed by the worker, which then ends. */
function identifyInWorker(worker: Worker, path: string): Promise<FileIdentity> {
  const identity = new Promise<FileIdentity>((resolve, reject) => {
    worker.on('message', (reply: IdentityReply) => (reply.type === 'identity' ? resolve(reply.identity) : reject(new Error(reply.error.message))));
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`import parse worker exited with code ${code}`)));
  });
  worker.postMessage({ type: 'identify', path } satisfies ParseRequest);
  return identity.finally(() => {
    worker.removeAllListeners();
    void worker.terminate();
  });
}

function produceInWorker(worker: Worker, plan: BatchPlan): BatchProducer {
  const queue: BatchReply[] = [];
  let wake: (() => void) | null = null;
  let assumptions: string[] = [];
  // The head start the worker was given at the start is taken back from the credits of the first batches.
  let withheld = startBatchesAhead - batchesAhead;
  const push = (reply: BatchReply): void => {
    queue.push(reply);
    wake?.();
    wake = null;
  };
  worker.on('message', push);
  worker.on('error', (error) => push({ type: 'error', error: { name: error.name, message: error.message } }));
  worker.on('exit', (code) => push({ type: 'error', error: { name: 'Error', message: `import parse worker exited with code ${code}` } }));
  worker.postMessage({ type: 'start', plan } satisfies ParseRequest);

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
  return { batches, assumptions: () => assumptions };
}
