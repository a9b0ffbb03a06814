import type { Device } from './devices.js';
import type { Account } from './names.js';
import type { Address } from './world.js';

/** Label of benign rows in the labels file. */
export const normalLabel = 'normal';

/** One synthetic login attempt, before it is written in a format. */
export interface GeneratedEvent {
  /** UTC milliseconds. */
  time: number;
  account: Account;
  success: boolean;
  address: Address;
  device: Device;
  /** Ground truth: 'normal' or an attack label. Written only to the labels file. */
  label: string;
}

/** A source of events in time order; the timeline merges many of them. */
export interface EventStream {
  /** Time of the next event, Infinity when exhausted. May grow (never shrink) as the stream materialises. */
  nextTime(): number;
  /** Removes and returns the next event; only called when nextTime() is finite. */
  take(): GeneratedEvent;
  /** Called when the stream reaches the front of the timeline: a lazy stream builds its rows here. */
  open?(): void;
}

/** Sorts events by time, keeping the order of equal times (Array.prototype.sort is stable). */
export function byTime(left: GeneratedEvent, right: GeneratedEvent): number {
  return left.time - right.time;
}
