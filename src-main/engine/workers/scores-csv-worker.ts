import { parentPort } from 'node:worker_threads';
import { readEventLines, writeVerdictLines, type EventLines } from '../detect/verdict-lines.js';
import { openCase } from '../store/database.js';
import { toWorkerError } from './protocol.js';
import type { ScoresCsvReply, ScoresCsvRequest } from './scores-csv-protocol.js';

/**
 * The SCORES.csv worker: reads and formats the events' part of every line on its own connection while
 * the detection runs on the caller's thread, then writes the file once the verdicts arrive.
 */
const port = parentPort;
if (!port) throw new Error('scores-csv-worker runs in a worker thread');
const send = (reply: ScoresCsvReply): void => port.postMessage(reply);

let lines: EventLines | null = null;
let failure: unknown = null;

port.on('message', (request: ScoresCsvRequest) => {
  try {
    if (request.type === 'prepare') {
      const db = openCase(request.casePath, { readonly: true });
      try {
        lines = readEventLines(db);
      } finally {
        db.close();
      }
    } else {
      if (failure !== null) throw failure;
      if (!lines) throw new Error('SCORES.csv worker: write before prepare');
      send({ type: 'written', rows: writeVerdictLines(lines, request.verdicts, request.path) });
    }
  } catch (error) {
    // A failed prepare is reported when the write asks for its result.
    if (request.type === 'prepare') failure = error;
    else send({ type: 'error', error: toWorkerError(error) });
  }
});
