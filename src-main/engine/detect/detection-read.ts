import { getPriority } from 'node:os';
import type { DetectionLogin } from '../../../src-shared/detect/login.js';
import { detectionLogin, type EventDictionaries } from '../store/detection-input.js';
import { eventsPerBatch, type DetectionBatch, type DetectionReadReply, type DetectionReadRequest } from '../workers/detection-read-protocol.js';
import { startEngineWorker } from '../workers/worker-modules.js';

/**
 * The case's events in time order, at most `limit`, read by a worker thread while the caller judges the
 * batch before (see `detection-read-worker`): batches of logins, each made as it is walked. The reader
 * runs at this thread's priority (a background training's reader is background too).
 */
export async function* readLoginsInWorker(casePath: string, dictionaries: EventDictionaries, limit: number, batchSize = eventsPerBatch): AsyncGenerator<Iterable<DetectionLogin>> {
  const worker = startEngineWorker('detection-read-worker', undefined, getPriority() > 0);
  const replies: DetectionReadReply[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const wakeUp = (): void => {
    wake?.();
    wake = null;
  };
  worker.on('message', (reply: DetectionReadReply) => {
    replies.push(reply);
    wakeUp();
  });
  worker.on('error', (error) => {
    failure = error;
    wakeUp();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the detection reader stopped (exit code ${code})`);
    wakeUp();
  });
  const post = (request: DetectionReadRequest): void => worker.postMessage(request);
  post({ type: 'read', casePath, limit, batchSize });
  // Texts by the numbers the reader gave them (see DetectionBatch).
  const texts: string[] = [];
  try {
    for (;;) {
      while (replies.length === 0) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const reply = replies.shift() as DetectionReadReply;
      if (reply.type === 'end') return;
      if (reply.type === 'error') throw Object.assign(new Error(reply.error.message), { name: reply.error.name });
      for (const text of reply.batch.texts) texts.push(text);
      // Credit at once, so the reader fills the next batch while this one is judged.
      post({ type: 'credit' });
      yield batchLogins(reply.batch, texts, dictionaries);
    }
  } finally {
    worker.removeAllListeners();
    void worker.terminate();
  }
}

/** The logins of a batch, made one at a time as the pass walks them. */
function* batchLogins(batch: DetectionBatch, texts: readonly string[], dictionaries: EventDictionaries): Generator<DetectionLogin> {
  const { ids, times, successes, asns, places, clients, users, ips, networks } = batch;
  for (let row = 0; row < batch.count; row++) {
    const asn = asns[row];
    yield detectionLogin(
      dictionaries,
      ids[row],
      times[row],
      texts[users[row]],
      successes[row] === 1,
      ips[row] < 0 ? null : texts[ips[row]],
      networks[row] < 0 ? null : texts[networks[row]],
      Number.isNaN(asn) ? null : asn,
      places[row] < 0 ? null : places[row],
      clients[row] < 0 ? null : clients[row],
    );
  }
}
