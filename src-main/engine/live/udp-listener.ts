/**
 * Syslog over UDP (RFC 5426): one message per datagram. UDP cannot slow a sender down, so when the
 * queue is full a datagram is dropped and counted; the kernel's own drops are reported beside it.
 */
import { createSocket, type Socket } from 'node:dgram';
import { isIPv6, type AddressInfo } from 'node:net';
import { createLiveQueue, LiveFeeder, type LiveInput, type LiveInputStats } from './live-input.js';
import { frameToItem } from './live-message.js';
import type { SyslogListenerOptions } from './syslog-server.js';
import { defaultMaxMessageBytes } from './syslog-framing.js';
import { kernelUdpDrops } from './udp-drops.js';

/** A bound UDP syslog listener. */
export class UdpSyslogListener implements LiveInput {
  readonly name: string;
  readonly queue;
  private readonly feeder: LiveFeeder;
  private closed: Promise<void> | null = null;
  private kernelDrops: number | null = null;

  private constructor(
    private readonly socket: Socket,
    readonly address: AddressInfo,
    feeder: LiveFeeder,
  ) {
    this.feeder = feeder;
    this.queue = feeder.queue;
    this.name = `udp://${isIPv6(address.address) ? `[${address.address}]` : address.address}:${address.port}`;
  }

  /** Bind a socket and start reading datagrams into a new queue. */
  static async start(options: SyslogListenerOptions): Promise<UdpSyslogListener> {
    const host = options.host ?? '127.0.0.1';
    const maxBytes = options.maxMessageBytes ?? defaultMaxMessageBytes;
    const now = options.now ?? Date.now;
    const feeder = new LiveFeeder(createLiveQueue(options));
    const socket = createSocket({ type: isIPv6(host) ? 'udp6' : 'udp4', recvBufferSize: options.receiveBufferBytes });
    socket.on('message', (datagram, sender) => {
      const item = frameToItem(datagram, maxBytes, { receivedAt: now(), remote: `${sender.address}:${sender.port}`, transport: 'udp' });
      if (!item) return;
      feeder.receive();
      if (!feeder.offer(item)) feeder.drop();
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(options.port ?? 0, host, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    // After binding, a socket error (ICMP noise, a full buffer) is counted, never fatal.
    socket.on('error', () => feeder.counts.errors++);
    return new UdpSyslogListener(socket, socket.address(), feeder);
  }

  /** Counters, with the kernel's drops for this socket when the system shows them. */
  stats(): LiveInputStats {
    // Once the socket is closed the kernel forgets it: keep the last count read.
    if (!this.closed) this.kernelDrops = kernelUdpDrops(this.address.address, this.address.port);
    return this.feeder.stats({ kernelDrops: this.kernelDrops });
  }

  /** Close the socket; queued items stay for the consumer. */
  close(): Promise<void> {
    if (!this.closed) this.stats();
    this.closed ??= new Promise((resolve) => this.socket.close(() => resolve()));
    return this.closed;
  }
}
