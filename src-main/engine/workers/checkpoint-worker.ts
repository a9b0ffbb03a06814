import { parentPort } from 'node:worker_threads';
import { CaseCheckpoints } from '../store/checkpoint.js';
import type { CheckpointReply, CheckpointRequest } from './checkpoint-protocol.js';
import { toWorkerError } from './protocol.js';

/**
 * The checkpoint worker: on a connection of its own, copies a case's WAL into the database file and
 * flushes it every `intervalMs`, on the other core, while the writers (the live worker and its scorer) go
 * on. A writer still checkpoints at commit once its WAL is large (that is what starts the WAL afresh,
 * see `tuneForLiveWrites`), but finds nearly every frame copied and flushed already.
 */
const port = parentPort;
if (!port) throw new Error('checkpoint-worker runs in a worker thread');
const send = (reply: CheckpointReply): void => port.postMessage(reply);
let checkpoints: CaseCheckpoints | null = null;
let timer: NodeJS.Timeout | null = null;

function checkpoint(): void {
  try {
    checkpoints?.passive();
  } catch (error) {
    send({ type: 'error', error: toWorkerError(error) });
  }
}

port.on('message', (request: CheckpointRequest) => {
  try {
    if (request.type === 'start') {
      checkpoints = new CaseCheckpoints(request.casePath);
      timer = setInterval(checkpoint, request.intervalMs);
      send({ type: 'started' });
      return;
    }
    if (timer) clearInterval(timer);
    checkpoints?.close();
    checkpoints = null;
    send({ type: 'stopped' });
  } catch (error) {
    send({ type: 'error', error: toWorkerError(error) });
  }
});
