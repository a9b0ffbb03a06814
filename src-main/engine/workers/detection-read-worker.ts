import { parentPort } from 'node:worker_threads';
import { openCase } from '../store/database.js';
import { DeferredUserRisk } from '../detect/deferred-user-risk.js';
import { iterateDetectionRows, loadEventDictionaries } from '../store/detection-input.js';
import { batchesAhead, type DetectionBatch, type DetectionReadReply, type DetectionReadRequest } from './detection-read-protocol.js';
import { Credits } from './credits.js';
import { toWorkerError } from './protocol.js';

/**
 * The detection reader: reads the case's events in time order on its own connection and hands them to the
 * causal pass in batches of columns, users, addresses and networks numbered (see `DetectionBatch`), so
 * the pass's thread neither steps SQLite nor makes and hashes a new string per row.
 */
const port = parentPort;
if (!port) throw new Error('detection-read-worker runs in a worker thread');
const send = (reply: DetectionReadReply, transfer: ArrayBuffer[] = []): void => port.postMessage(reply, transfer);

const credits = new Credits(batchesAhead);
let userRisk: DeferredUserRisk | null = null;
/** Batches read so far, and whether reading is over. */
let batchesRead = 0;
let batchesJudged = 0;
let readingEnded = false;

port.on('message', (request: DetectionReadRequest) => {
  try {
    if (request.type === 'credit') credits.give();
    else if (request.type === 'trusted') {
      userRisk?.judged(request.trusted);
      batchesJudged++;
      sendUserRiskWhenDone();
    } else {
      read(request).then(
        () => {
          readingEnded = true;
          send({ type: 'end' });
          sendUserRiskWhenDone();
        },
        (error: unknown) => send({ type: 'error', error: toWorkerError(error) }),
      );
    }
  } catch (error) {
    send({ type: 'error', error: toWorkerError(error) });
  }
});

function sendUserRiskWhenDone(): void {
  if (userRisk && readingEnded && batchesJudged === batchesRead) {
    send({ type: 'user-risk', userRisk: userRisk.result() });
    userRisk = null;
  }
}

function emptyBatch(size: number): DetectionBatch {
  return {
    count: 0,
    ids: new Float64Array(size),
    times: new Float64Array(size),
    successes: new Uint8Array(size),
    asns: new Float64Array(size),
    places: new Int32Array(size),
    clients: new Int32Array(size),
    users: new Int32Array(size),
    ips: new Int32Array(size),
    networks: new Int32Array(size),
    texts: [],
  };
}

/** Send a batch once the pass has room for it. */
async function hand(batch: DetectionBatch): Promise<void> {
  await credits.take();
  batchesRead++;
  userRisk?.keep(batch);
  const columns = [batch.ids, batch.times, batch.successes, batch.asns, batch.places, batch.clients, batch.users, batch.ips, batch.networks];
  send({ type: 'batch', batch }, columns.map((column) => column.buffer as ArrayBuffer));
}

async function read({ casePath, limit, batchSize, userRisk: riskOptions }: Extract<DetectionReadRequest, { type: 'read' }>): Promise<void> {
  const db = openCase(casePath, { readonly: true });
  try {
    const textIds = new Map<string, number>();
    const texts: string[] = [];
    if (riskOptions) userRisk = new DeferredUserRisk(riskOptions, limit, texts, loadEventDictionaries(db));
    let batch = emptyBatch(batchSize);
    const number = (text: string | null): number => {
      if (text === null) return -1;
      let id = textIds.get(text);
      if (id === undefined) {
        id = textIds.size;
        textIds.set(text, id);
        texts.push(text);
        batch.texts.push(text);
      }
      return id;
    };
    let taken = 0;
    for (const [id, time, user, outcome, ip, network, asn, placeId, clientId] of iterateDetectionRows(db)) {
      if (taken++ >= limit) break;
      const row = batch.count++;
      batch.ids[row] = id;
      batch.times[row] = time;
      batch.successes[row] = outcome === 1 ? 1 : 0;
      batch.asns[row] = asn ?? Number.NaN;
      batch.places[row] = placeId ?? -1;
      batch.clients[row] = clientId ?? -1;
      batch.users[row] = number(user);
      batch.ips[row] = number(ip);
      batch.networks[row] = number(network);
      if (batch.count === batchSize) {
        await hand(batch);
        batch = emptyBatch(batchSize);
      }
    }
    if (batch.count > 0) await hand(batch);
  } finally {
    db.close();
  }
}
