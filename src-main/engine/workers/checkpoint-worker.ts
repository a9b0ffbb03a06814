import { parentPort } from 'node:worker_threads';
import { checkpointPassively, openCheckpointConnection } from '../store/checkpoint.js';
import type { CaseDatabase } from '../store/database.js';
import type { CheckpointReply, CheckpointRequest } from './checkpoint-protocol.js';
import { toWorkerError } from './protocol.js';

/**
 * The checkpoint worker: on a connection of its own, copies a case's WAL into the database file every
 * `intervalMs`, on the other core, while the writer (the live worker) goes on. The writer still
 * checkpoints at commit once its WAL is large (that is what starts the WAL afresh), but finds nearly
 * every frame copied already: its checkpoint copied 16,384 pages and held a live batch up to 300 ms.
 */
const port = parentPort;
if (!port) throw new Error('checkpoint-worker runs in a worker thread');
const send = (reply: CheckpointReply): void => port.postMessage(reply);
let db: CaseDatabase | null = null;
let timer: NodeJS.Timeout | null = null;

function checkpoint(): void {
  if (!db) return;
  try {
    checkpointPassively(db);
  } catch (error) {
    send({ type: 'error', error: toWorkerError(error) });
  }
}

port.on('message', (request: CheckpointRequest) => {
  try {
    if (request.type === 'start') {
      db = openCheckpointConnection(request.casePath);
      timer = setInterval(checkpoint, request.intervalMs);
      send({ type: 'started' });
      return;
    }
    if (timer) clearInterval(timer);
    db?.close();
    db = null;
    send({ type: 'stopped' });
  } catch (error) {
    send({ type: 'error', error: toWorkerError(error) });
  }
});
