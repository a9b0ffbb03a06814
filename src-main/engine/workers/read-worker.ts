import { parentPort } from 'node:worker_threads';
import { openCase, type CaseDatabase } from '../store/database.js';
import { caseReads } from './case-reads.js';
import { toWorkerError } from './protocol.js';
import type { ReadReply, ReadRequest } from './read-protocol.js';

/** The read worker: answers the long reads of `caseReads` on a read-only connection per case, one at a time, in order. */
const port = parentPort;
if (!port) throw new Error('read-worker runs in a worker thread');
const connections = new Map<string, CaseDatabase>();

port.on('message', (request: ReadRequest) => {
  let reply: ReadReply;
  try {
    let db = connections.get(request.casePath);
    if (!db) connections.set(request.casePath, (db = openCase(request.casePath, { readonly: true })));
    const read = caseReads[request.name] as (db: CaseDatabase, ...rest: unknown[]) => unknown;
    reply = { seq: request.seq, type: 'result', result: read(db, ...request.arguments) };
  } catch (error) {
    reply = { seq: request.seq, type: 'error', error: toWorkerError(error) };
  }
  port.postMessage(reply);
});
