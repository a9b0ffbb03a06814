import { parentPort } from 'node:worker_threads';
import type { ParseThread } from '../ingest/import-batches.js';
import type { CaseDatabase } from '../store/database.js';
import { startParseWorker } from './run-import-parse.js';
import { toWorkerError, type ImportReply, type ImportRequest } from './protocol.js';

/** The import worker: its own case connection, one import at a time, progress and result as messages. */
const port = parentPort;
if (!port) throw new Error('import-worker runs in a worker thread');
const aborts = new Map<number, AbortController>();
const send = (reply: ImportReply): void => port.postMessage(reply);

// Two parse threads (one parses, one hashes) load their modules while this thread loads the importer's (all take
// a good part of an import's start); the first large import takes them, and one that does not need them stops them.
let early: ParseThread[] = [startParseWorker(), startParseWorker()];
const modules = Promise.all([import('../ingest/importer.js'), import('../store/database.js')]);
const startParseThread = (): ParseThread => early.shift() ?? startParseWorker();

port.on('message', (request: ImportRequest) => {
  if (request.type === 'abort') {
    aborts.get(request.seq)?.abort();
    return;
  }
  const controller = new AbortController();
  aborts.set(request.seq, controller);
  void run(request, controller);
});

async function run(request: Extract<ImportRequest, { type: 'import' }>, controller: AbortController): Promise<void> {
  let db: CaseDatabase | null = null;
  try {
    const [{ importFile }, { openCase }] = await modules;
    db = openCase(request.casePath, { scratch: request.options.scratch });
    const summary = await importFile(db, request.path, {
      ...request.options,
      startParseThread,
      signal: controller.signal,
      onProgress: (progress) => send({ type: 'progress', seq: request.seq, progress }),
    });
    send({ type: 'done', seq: request.seq, summary });
  } catch (error) {
    send({ type: 'error', seq: request.seq, error: toWorkerError(error) });
  } finally {
    for (const thread of early) thread.stop();
    early = [];
    aborts.delete(request.seq);
    db?.close();
  }
}
