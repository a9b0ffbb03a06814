import { z } from 'zod';

/** How a live source receives events. */
export const listenerKinds = ['syslog-udp', 'syslog-tcp', 'file-tail'] as const;
export type ListenerKind = (typeof listenerKinds)[number];

/** What to listen on. Messages are read as syslog (RFC 3164 / 5424, sshd, pam, su/sudo, CEE logins). */
export const listenerConfigSchema = z.object({
  kind: z.enum(listenerKinds),
  /** `[host:]port` for syslog (host 127.0.0.1 by default), a file path for file-tail. */
  address: z.string().trim().min(1).max(4096),
  /** Follow a file from its start instead of its current end. */
  fromStart: z.boolean().optional(),
});
export type ListenerConfig = z.infer<typeof listenerConfigSchema>;

/** One running listener with its counters: nothing it read is unaccounted for. */
export interface LiveListener {
  /** Its source id in the case. */
  id: number;
  kind: ListenerKind;
  /** The bound host:port, or the file's path. */
  address: string;
  startedAt: number;
  received: number;
  stored: number;
  scored: number;
  rejected: number;
  /** Valid messages that are not logins. */
  ignored: number;
  /** Lost for want of room in the queue (UDP), as counted. */
  dropped: number;
  /** Datagrams the kernel dropped before they were read (UDP on Linux), else null. */
  kernelDrops: number | null;
  queueDepth: number;
  lastEventAt: number | null;
}

/** The trainer demo the Live view plays into one of its listeners. */
export const demoScenarioNames = ['brute-force-takeover', 'password-spray', 'credential-stuffing', 'impossible-travel', 'new-device-night'] as const;
export const demoRequestSchema = z.object({
  scenario: z.enum([...demoScenarioNames, 'all']),
  /** The syslog listener (by id) to play into. */
  listenerId: z.number().int().min(1),
  /** Times real time; 1 plays the scenario as it would happen. */
  speed: z.number().min(0.1).max(1000),
});
export type DemoRequest = z.infer<typeof demoRequestSchema>;

/** A demo under way or just finished. */
export interface DemoStatus {
  scenario: DemoRequest['scenario'];
  /** "background" or "attack: password-spray". */
  phase: string;
  /** What the room should see in the current phase. */
  expect: string;
  sent: number;
  total: number;
  running: boolean;
  /** Why it stopped early (stopped by the user, the listener went away), else null. */
  error: string | null;
}

/** The Live view's state. */
export interface LiveStatus {
  listeners: LiveListener[];
  /** The run scoring live events, or null with the reason (no trained model yet, …). */
  scoring: { runId: number | null; reason: string | null };
  /** Alerts raised since live collection started. */
  alerts: number;
  /** Events stored per minute over the last five minutes, oldest first. */
  recentRate: number[];
  /** Alerts waiting for e-mail and webhook delivery. */
  deliveries: number;
  /** Why live collection stopped working, else null. */
  failure: string | null;
  demo: DemoStatus | null;
}

/** A live-scored login that raised an alert (pushed as it fires). */
export interface RaisedAlert {
  eventId: number;
  incidentId: number | null;
  time: number;
  user: string;
  ip: string | null;
  country: string | null;
  city: string | null;
  risk: number;
  level: 'low' | 'medium' | 'high' | 'critical';
  decision: 'allow' | 'challenge' | 'block';
  reasons: string[];
  /** When a lock holds for the account, else null. */
  lockedUntil: number | null;
  /** Whether people are told (false in quiet hours or for a repeat within an incident). */
  notify: boolean;
}
