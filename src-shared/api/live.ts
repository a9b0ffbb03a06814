import { z } from 'zod';

/** How a live source receives events. */
export const listenerKinds = ['syslog-udp', 'syslog-tcp', 'file-tail'] as const;
export type ListenerKind = (typeof listenerKinds)[number];

/** What to listen on. */
export const listenerConfigSchema = z.object({
  kind: z.enum(listenerKinds),
  /** host:port for syslog, a file path for file-tail. */
  address: z.string().min(1).max(4096),
  format: z.enum(['auto', 'authlog', 'syslog', 'journal', 'jsonl']),
});
export type ListenerConfig = z.infer<typeof listenerConfigSchema>;

/** One running listener. */
export interface LiveListener {
  id: number;
  kind: ListenerKind;
  address: string;
  startedAt: number;
  eventsReceived: number;
  lastEventAt: number | null;
}

/** The Live view's state. */
export interface LiveStatus {
  listeners: LiveListener[];
  /** Events received per minute over the last five minutes, oldest first. */
  recentRate: number[];
}
