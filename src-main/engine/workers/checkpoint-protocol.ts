import type { WorkerError } from './protocol.js';

/** Messages to the checkpoint worker. */
export type CheckpointRequest =
  | { type: 'start'; casePath: string; intervalMs: number }
  /** A last checkpoint, then the connection closes and `stopped` answers. */
  | { type: 'stop' };

/** Messages from the checkpoint worker. */
export type CheckpointReply = { type: 'started' } | { type: 'stopped' } | { type: 'error'; error: WorkerError };
