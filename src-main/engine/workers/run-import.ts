import type { ResourceLimits } from 'node:worker_threads';
import type { ImportProgress, ImportSummary } from '../../../src-shared/import.js';
import { ImportError } from '../ingest/import-error.js';
import type { ImportReply, ImportRequest, ImportRequestOptions } from './protocol.js';
import { startEngineProcess } from './engine-process.js';
import { startEngineWorker } from './worker-modules.js';

/** Heap limits of an import worker: the import streams, so its live data is small (batches and the gazetteer: 30-40 MB used); the cap keeps V8 from hoarding garbage under the memory bar. */
const importResourceLimits: ResourceLimits = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 };

/**
 * Import a file in a worker thread with its own connection to the case, so the caller's thread never
 * blocks; progress arrives as events, errors as ImportError with the worker's message. A caller that
 * serves a UI asks for a `separateProcess` (see engine-process.ts).
 */
export function importInWorker(
  casePath: string,
  path: string,
  options: ImportRequestOptions & { onProgress?: (progress: ImportProgress) => void; signal?: AbortSignal; separateProcess?: boolean } = {},
): Promise<ImportSummary> {
  const { onProgress, signal, separateProcess, ...requestOptions } = options;
  const worker = separateProcess ? startEngineProcess('import-worker', importResourceLimits) : startEngineWorker('import-worker', importResourceLimits, true);
  const seq = 1;
  return new Promise<ImportSummary>((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', abort);
      void worker.terminate();
      action();
    };
    const abort = (): void => worker.postMessage({ type: 'abort', seq } satisfies ImportRequest);
    signal?.addEventListener('abort', abort);
    worker.on('message', (reply: ImportReply) => {
      if (reply.type === 'progress') onProgress?.(reply.progress);
      else if (reply.type === 'done') finish(() => resolve(reply.summary));
      else finish(() => reject(Object.assign(new ImportError(reply.error.message), { name: reply.error.name })));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new ImportError(`the import worker exited (code ${code}) before answering`))));
    worker.postMessage({ type: 'import', seq, casePath, path, options: requestOptions } satisfies ImportRequest);
  });
}
