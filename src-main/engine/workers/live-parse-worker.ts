import { parentPort } from 'node:worker_threads';
import { createEnricher } from '../enrich/enricher.js';
import { bundledLocationSources } from '../enrich/locations.js';
import { LiveParser } from '../live/live-parser.js';
import type { LiveParseReply, LiveParseRequest } from './live-parse-protocol.js';
import { toWorkerError } from './protocol.js';

/**
 * The live parse worker: parses and enriches the live sources' messages (one parser per source, fed in
 * order) with the bundled location sources, so the live worker only stores and scores them.
 */
const port = parentPort;
if (!port) throw new Error('live-parse-worker runs in a worker thread');
const send = (reply: LiveParseReply): void => port.postMessage(reply);
const locations = bundledLocationSources();
// Syslog logins name addresses: the IP database is read before the first batch arrives.
locations.prepareAddresses?.();
const enrich = createEnricher(locations);
const parsers = new Map<number, LiveParser>();

port.on('message', (request: LiveParseRequest) => {
  if (request.type === 'close') {
    parsers.delete(request.sourceId);
    return;
  }
  try {
    let parser = parsers.get(request.sourceId);
    if (!parser) parsers.set(request.sourceId, (parser = new LiveParser(request.options, enrich)));
    send({ type: 'parsed', seq: request.seq, batch: parser.parse(request.texts, request.firstLine) });
  } catch (error) {
    send({ type: 'error', seq: request.seq, error: toWorkerError(error) });
  }
});
