import type { LiveParseOptions, ParsedBatch } from '../live/live-parser.js';
import type { WorkerError } from './protocol.js';

/** Messages to the live parse worker. */
export type LiveParseRequest =
  /** Parse a batch of a source's texts (null: an item that is a reject already), the first being line `firstLine`. */
  | { type: 'parse'; seq: number; sourceId: number; options: LiveParseOptions; texts: (string | null)[]; firstLine: number }
  /** The source ended: forget its parser. */
  | { type: 'close'; sourceId: number };

/** Messages from the live parse worker: each parse request is answered, in order. */
export type LiveParseReply = { type: 'parsed'; seq: number; batch: ParsedBatch } | { type: 'error'; seq: number; error: WorkerError };
