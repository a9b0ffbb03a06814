import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { bundledLocationSources } from '../enrich/locations.js';
import { fileIdentity } from '../ingest/file-source.js';
import { createBatchProducer, type ImportBatch } from '../ingest/import-batches.js';
import { compressRawText } from '../store/raw-lines.js';
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
  if (request.type === 'identify') void identify(request.path);
  else void run(request.plan);
});

async function identify(path: string): Promise<void> {
  try {
    lowestPriority();
    send({ type: 'identity', identity: await fileIdentity(path) });
  } catch (error) {
    send({ type: 'error', error: toWorkerError(error) });
  }
}

/**
 * The hash is needed once the writer is ready to store: hashing at the lowest priority takes the CPU the writer leaves
 * while it prepares, not the parser's (on Linux a nice value belongs to one thread).
 */
function lowestPriority(): void {
  try {
    setPriority(0, 19);
  } catch {
    // Not permitted here: hash at the worker's priority.
  }
}

async function run(plan: Extract<ParseRequest, { type: 'start' }>['plan']): Promise<void> {
  try {
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

/**
 * The batch's raw block is compressed here and its typed arrays move to the writer instead of being copied.
 * The writer is the slower thread of an import on two cores: compressing on its thread pool competed with it
 * for a core, and each text it received (half a megabyte) counted towards its garbage collections.
 */
function transferables(batch: ImportBatch): ArrayBuffer[] {
  const buffers = [batch.events.numbers.buffer as ArrayBuffer];
  if (batch.raw) {
    const block = compressRawText(batch.raw.firstLine, batch.raw.lineCount, batch.raw.text);
    // A block that is a view into a larger buffer is copied to one of its own first.
    const data = block.data;
    if (data.byteOffset !== 0 || data.byteLength !== data.buffer.byteLength) block.data = new Uint8Array(data);
    buffers.push(block.data.buffer as ArrayBuffer);
    batch.compressed = block;
    batch.raw = null;
  }
  return buffers;
}
