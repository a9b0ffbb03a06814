import { parentPort } from 'node:worker_threads';
import { bundledLocationSources } from '../enrich/locations.js';
import { fileIdentity } from '../ingest/file-source.js';
import { createBatchProducer, type ImportBatch } from '../ingest/import-batches.js';
import { startBatchesAhead, type ParseReply, type ParseRequest } from './import-parse-protocol.js';
import { Credits } from './credits.js';
import { toWorkerError } from './protocol.js';

/**
 * The parsing half of a bulk import: reads, parses, labels and enriches the file, and
 * hands packed batches to the thread that writes them, at most `startBatchesAhead` ahead of it at the
 * start and `batchesAhead` after that.
 */
const port = parentPort;
if (!port) throw new Error('import-parse-worker runs in a worker thread');
const send = (reply: ParseReply, transfer: ArrayBuffer[] = []): void => port.postMessage(reply, transfer);
const credits = new Credits(startBatchesAhead);

port.on('message', (request: ParseRequest) => {
  if (request.type === 'credit') {
    credits.give();
    return;
  }
  void run(request.plan, request.identify);
});

async function run(plan: Extract<ParseRequest, { type: 'start' }>['plan'], identify: boolean): Promise<void> {
  try {
    // The writer waits for the hash before it stores anything: it comes first.
    if (identify) send({ type: 'identity', identity: await fileIdentity(plan.path) });
    const producer = createBatchProducer(plan, bundledLocationSources());
    for await (const batch of producer.batches()) {
      await credits.take();
      send({ type: 'batch', batch }, transferables(batch));
    }
    send({ type: 'end', assumptions: producer.assumptions() });
  } catch (error) {
    send({ type: 'error', error: toWorkerError(error) });
  }
}

/** The batch's typed arrays move to the writer instead of being copied. */
function transferables(batch: ImportBatch): ArrayBuffer[] {
  const buffers = [batch.events.numbers.buffer as ArrayBuffer];
  if (batch.raw) {
    const text = batch.raw.text;
    // Text that is a view into a larger buffer (a chunk of the file, a shared pool) is copied to one of its own first.
    if (text.byteOffset !== 0 || text.byteLength !== text.buffer.byteLength) batch.raw.text = new Uint8Array(text);
    buffers.push(batch.raw.text.buffer as ArrayBuffer);
  }
  return buffers;
}
