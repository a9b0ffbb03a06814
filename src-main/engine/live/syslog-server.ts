/**
 * Syslog listeners: UDP (one message per datagram) and TCP (octet counting or newline framing), each
 * feeding its own bounded queue that the live ingest stores into the case.
 */
import type { LiveInput } from './live-input.js';
import type { LiveQueueOptions } from './live-input.js';
import { TcpSyslogListener } from './tcp-listener.js';
import { UdpSyslogListener } from './udp-listener.js';

/** Where and how to listen. */
export interface SyslogListenerOptions extends LiveQueueOptions {
  transport: 'udp' | 'tcp';
  /** Address to bind. Default 127.0.0.1: listening on other interfaces is the user's explicit choice. */
  host?: string;
  /** Port; 0 picks a free one (see `address`). Default 0. */
  port?: number;
  /** Longest message in bytes; longer ones are rejected with their length. Default 64 KiB. */
  maxMessageBytes?: number;
  /** Most simultaneous TCP connections. Default 256. */
  maxConnections?: number;
  /** Requested kernel receive buffer of a UDP socket, in bytes (bounded by the system's maximum). */
  receiveBufferBytes?: number;
  /** Clock for `receivedAt`. Default Date.now. */
  now?: () => number;
}

/** A running syslog listener with the address it is bound to. */
export interface SyslogListener extends LiveInput {
  readonly address: { address: string; family: string; port: number };
}

/** Bind a UDP or TCP syslog listener; rejects when the address cannot be bound. */
export function startSyslogListener(options: SyslogListenerOptions): Promise<SyslogListener> {
  return options.transport === 'udp' ? UdpSyslogListener.start(options) : TcpSyslogListener.start(options);
}
