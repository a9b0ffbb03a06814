import type { FreemanOptions } from '../../../src-shared/detect/freeman.js';
import type { PassUserRisk } from '../detect/deferred-user-risk.js';
import type { WorkerError } from './protocol.js';

/**
 * Events as the detection reader hands them over: the columns of one batch, in time order. Users,
 * addresses and networks are numbers into a table of texts both threads grow alike: each batch carries
 * the texts first seen in it, in order, so a distinct text crosses once and is one string on arrival.
 */
export interface DetectionBatch {
  count: number;
  ids: Float64Array;
  times: Float64Array;
  /** 1 for a success. */
  successes: Uint8Array;
  /** NaN when unknown. */
  asns: Float64Array;
  /** Ids into the places and clients dictionaries, -1 when none. */
  places: Int32Array;
  clients: Int32Array;
  /** Indexes into the text table, -1 when none (a user always has one). */
  users: Int32Array;
  ips: Int32Array;
  networks: Int32Array;
  /** Texts first seen in this batch, to append to the table. */
  texts: string[];
}

/**
 * Messages to the reader: read at most `limit` events of the case, `batchSize` a batch; then one credit per
 * batch taken. With `userRisk`, the reader also computes the statistical risk a batch behind the pass
 * (see `DeferredUserRisk`): the pass sends, per batch in order, which logins it trusted.
 */
export type DetectionReadRequest =
  | { type: 'read'; casePath: string; limit: number; batchSize: number; userRisk: FreemanOptions | null }
  | { type: 'credit' }
  | { type: 'trusted'; trusted: Uint8Array };

/** Messages from the reader: batches in time order, then the end or an error; the statistical risk once every batch is judged. */
export type DetectionReadReply =
  | { type: 'batch'; batch: DetectionBatch }
  | { type: 'end' }
  | { type: 'error'; error: WorkerError }
  | { type: 'user-risk'; userRisk: PassUserRisk };

/** Events per batch, unless asked otherwise. */
export const eventsPerBatch = 16_384;
/** Batches the reader may run ahead of the causal pass: enough to keep it fed, few enough to bound memory. */
export const batchesAhead = 4;
