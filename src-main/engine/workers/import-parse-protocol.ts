import type { FileIdentity } from '../ingest/file-source.js';
import type { BatchPlan, ImportBatch } from '../ingest/import-batches.js';
import type { WorkerError } from './protocol.js';

/** Messages to the parse worker: the plan once, then one credit per batch the writer has stored; or a file to hash instead. */
export type ParseRequest = { type: 'start'; plan: BatchPlan } | { type: 'credit' } | { type: 'identify'; path: string };

/** Messages from a parse worker that parses: batches in file order, then the parser's assumptions or an error. */
export type BatchReply = { type: 'batch'; batch: ImportBatch } | { type: 'end'; assumptions: string[] } | { type: 'error'; error: WorkerError };

/** Messages from a parse worker that hashes: the file's identity or an error. */
export type IdentityReply = { type: 'identity'; identity: FileIdentity } | { type: 'error'; error: WorkerError };

export type ParseReply = BatchReply | IdentityReply;

/**
 * Batches the parse worker may run ahead of the writer: enough to keep both threads busy, also while the
 * writer commits (with 4 the parser waited 20-30 ms at every commit), few enough to bound memory.
 */
export const batchesAhead = 8;

/**
 * Batches the parse worker may run ahead at the start (~0.9 s of parsing RBA rows), while the writer
 * still builds the gazetteer and waits for the file's hash: the writer withholds the credits of its first
 * batches until only `batchesAhead` remain.
 */
export const startBatchesAhead = 128;
