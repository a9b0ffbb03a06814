import type { FileIdentity } from '../ingest/file-source.js';
import type { BatchPlan, ImportBatch } from '../ingest/import-batches.js';
import type { WorkerError } from './protocol.js';

/** Messages to the parse worker: the plan once (and whether to hash the file first), then one credit per batch the writer has stored. */
export type ParseRequest = { type: 'start'; plan: BatchPlan; identify: boolean } | { type: 'credit' };

/** Messages from the parse worker: the file's identity, batches in file order, then the parser's assumptions or an error. */
export type ParseReply =
  | { type: 'identity'; identity: FileIdentity }
  | { type: 'batch'; batch: ImportBatch }
  | { type: 'end'; assumptions: string[] }
  | { type: 'error'; error: WorkerError };

/** Batches the parse worker may run ahead of the writer: enough to keep both threads busy, few enough to bound memory. */
export const batchesAhead = 4;

/**
 * Batches the parse worker may run ahead at the start, while the writer still hashes the file and builds
 * the gazetteer: the writer withholds the credits of its first batches until only `batchesAhead` remain.
 */
export const startBatchesAhead = 32;
