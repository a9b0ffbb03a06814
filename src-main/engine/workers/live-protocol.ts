import type { AlertChannels } from '../../../src-shared/api/settings.js';
import type { LiveAlert, LiveListenerConfig, LiveListenerStatus, LiveSessionStatus } from '../live/live-types.js';
import type { WorkerError } from './protocol.js';

/** A live session's options as they cross to the worker (data only). */
export interface LiveStartOptions {
  casePath: string;
  actor: string;
  timeZone?: string;
  year?: number;
  /** Channels for this session in place of the case's. */
  channels?: AlertChannels;
  /** Longest wait before queued messages are stored (ms). */
  flushMs?: number;
}

/** Messages to the live worker; each is answered by a reply with the same `seq`. */
export type LiveRequest =
  | { type: 'start'; seq: number; options: LiveStartOptions }
  | { type: 'addListener'; seq: number; config: LiveListenerConfig }
  | { type: 'removeListener'; seq: number; id: number }
  | { type: 'reloadSettings'; seq: number }
  | { type: 'stop'; seq: number };

/** Messages from the live worker: answers (with `seq`) and pushed events (alerts, status, problems). */
export type LiveReply =
  | { type: 'done'; seq: number }
  | { type: 'listenerAdded'; seq: number; listener: LiveListenerStatus }
  | { type: 'error'; seq: number; error: WorkerError }
  | { type: 'status'; status: LiveSessionStatus }
  | { type: 'alert'; alert: LiveAlert }
  | { type: 'problem'; message: string };
