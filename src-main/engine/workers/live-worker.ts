import { parentPort } from 'node:worker_threads';
import { LivePipeline } from '../live/live-pipeline.js';
import type { LiveSessionStatus } from '../live/live-types.js';
import type { LiveReply, LiveRequest } from './live-protocol.js';
import { toWorkerError } from './protocol.js';

/**
 * The live worker: owns the listeners, the case connection, scoring, the alert policy and e-mail/webhook
 * delivery (one `LivePipeline`); the caller gets typed messages only: answers, alerts as they fire, and
 * the status about once a second.
 */
const port = parentPort;
if (!port) throw new Error('live-worker runs in a worker thread');
const send = (reply: LiveReply): void => port.postMessage(reply);
const statusIntervalMs = 1000;
let pipeline: LivePipeline | null = null;
let timer: NodeJS.Timeout | null = null;

const pushStatus = (): void => {
  if (pipeline) send({ type: 'status', status: pipeline.status() satisfies LiveSessionStatus });
};

async function answer(request: LiveRequest): Promise<LiveReply> {
  if (request.type === 'start') {
    if (pipeline) throw new Error('the live session is already started');
    pipeline = await LivePipeline.start({
      ...request.options,
      onAlert: (alert) => send({ type: 'alert', alert }),
      onError: (message) => send({ type: 'problem', message }),
    });
    timer = setInterval(pushStatus, statusIntervalMs);
    pushStatus();
    return { type: 'done', seq: request.seq };
  }
  if (!pipeline) throw new Error('the live session is not started');
  if (request.type === 'addListener') {
    const listener = await pipeline.addListener(request.config);
    pushStatus();
    return { type: 'listenerAdded', seq: request.seq, listener };
  }
  if (request.type === 'removeListener') await pipeline.removeListener(request.id);
  else if (request.type === 'reloadSettings') pipeline.reloadSettings();
  else {
    if (timer) clearInterval(timer);
    await pipeline.stop();
    send({ type: 'status', status: pipeline.status() });
  }
  pushStatus();
  return { type: 'done', seq: request.seq };
}

port.on('message', (request: LiveRequest) => {
  void answer(request)
    .catch((error: unknown): LiveReply => ({ type: 'error', seq: request.seq, error: toWorkerError(error) }))
    .then(send);
});
