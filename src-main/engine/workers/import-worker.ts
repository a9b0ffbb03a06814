import { parentPort } from 'node:worker_threads';
import { importFile } from '../ingest/importer.js';
import { openCase } from '../store/database.js';
import { startParseWorker } from './run-import-parse.js';
import { toWorkerError, type ImportReply, type ImportRequest } from './protocol.js';

/** The import worker: its own case connection, one import at a time, progress and result as messages. */
const port = parentPort;
if (!port) throw new Error('import-worker runs in a worker thread');
const aborts = new Map<number, AbortController>();
const send = (reply: ImportReply): void => port.postMessage(reply);

port.on('message', (request: ImportRequest) => {
  if (request.type === 'abort') {
    aborts.get(request.seq)?.abort();
    return;
  }
  const controller = new AbortController();
  aborts.set(request.seq, controller);
  const db = openCase(request.casePath);
  importFile(db, request.path, { ...request.options, startParseThread: startParseWorker, signal: controller.signal, onProgress: (progress) => send({ type: 'progress', seq: request.seq, progress }) })
    .then((summary) => send({ type: 'done', seq: request.seq, summary }))
    .catch((error: unknown) => send({ type: 'error', seq: request.seq, error: toWorkerError(error) }))
    .finally(() => {
      aborts.delete(request.seq);
      db.close();
    });
});
