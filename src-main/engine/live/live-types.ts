/**
 * The data a live session exchanges between its threads and the caller: what to listen on, the logins
 * to score, the counters and the alerts. Plain data only (it crosses a thread boundary).
 */
import type { DetectionLogin } from '../../../src-shared/detect/login.js';

/**
 * A login a live source stored (its id is the event's), as it goes to the scoring thread and comes back
 * with an alert: the facts detection reads, and when its message arrived (UTC ms, the listener's clock),
 * where alert latency starts.
 */
export type LiveLogin = DetectionLogin & { receivedAt: number };

/** A listener to start. */
export interface LiveListenerConfig {
  kind: 'syslog-udp' | 'syslog-tcp' | 'file-tail';
  /** `[host:]port` (host 127.0.0.1 by default; `[::1]:514` for IPv6) for syslog, a file path for file-tail. */
  address: string;
  /** Follow a file from its start instead of its current end. */
  fromStart?: boolean;
  /** Most messages waiting to be stored. Default 10,000. */
  queueCapacity?: number;
  /** Longest message in bytes. Default 64 KiB. */
  maxMessageBytes?: number;
}

/** A running listener's counters. */
export interface LiveListenerStatus {
  /** Its source id in the case. */
  id: number;
  kind: LiveListenerConfig['kind'];
  /** The bound host:port, or the file's path. */
  address: string;
  startedAt: number;
  received: number;
  stored: number;
  scored: number;
  rejected: number;
  ignored: number;
  dropped: number;
  /** Datagrams the kernel dropped before the listener read them (UDP on Linux), else null. */
  kernelDrops: number | null;
  queueDepth: number;
  /** When it last stored an event (UTC ms), null before the first. */
  lastEventAt: number | null;
}

/** A live session's state. */
export interface LiveSessionStatus {
  listeners: LiveListenerStatus[];
  /** The run scoring live events, or null with the reason (no trained model yet, replaying the case…). */
  scoring: { runId: number | null; reason: string | null };
  /** Alerts raised since the session started. */
  alerts: number;
  /** Events stored per minute over the last five minutes, oldest first (the current minute last). */
  recentRate: number[];
  /** Alerts waiting for e-mail and webhook delivery. */
  deliveries: number;
  /** Why the session stopped working (its worker crashed), else null. */
  failure: string | null;
}

/** An alert raised by a live-scored login. */
export interface LiveAlert {
  eventId: number;
  sourceId: number;
  /** When the login happened (UTC ms). */
  time: number;
  /** When its message arrived at the listener (UTC ms). */
  receivedAt: number;
  user: string;
  ip: string | null;
  country: string | null;
  city: string | null;
  risk: number;
  level: string;
  decision: string;
  reasons: string[];
  incidentId: number | null;
  /** When a lockout holds for the account (UTC ms), else null. */
  lockedUntil: number | null;
  /** True when this login started the lockout. */
  lockStarted: boolean;
  /** False in quiet hours or for a repeat within an incident whose level did not rise. */
  notify: boolean;
}
