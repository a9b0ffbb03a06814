/**
 * Syslog over TCP (RFC 6587): octet-counted or newline-framed messages on a stream. TCP can make a
 * sender wait, so a full queue pauses the connection instead of losing anything: the frames already
 * read wait in the connection's backlog (at most one read's worth) and reading resumes when the queue
 * has drained to half.
 */
import { createServer, isIPv6, type AddressInfo, type Server, type Socket } from 'node:net';
import { createLiveQueue, LiveFeeder, type LiveInput, type LiveInputStats } from './live-input.js';
import { frameToItem, printable, type LiveItem } from './live-message.js';
import { defaultMaxMessageBytes, SyslogDeframer, type Frame } from './syslog-framing.js';
import type { SyslogListenerOptions } from './syslog-server.js';

/** A bound TCP syslog listener. */
export class TcpSyslogListener implements LiveInput {
  readonly name: string;
  readonly queue;
  private readonly connections = new Set<Socket>();
  /** Items read but not yet queued, per connection; counted as dropped if the listener closes first. */
  private readonly backlogs = new Map<Socket, LiveItem[]>();
  private closing = false;
  private closed: Promise<void> | null = null;

  private constructor(
    private readonly server: Server,
    readonly address: AddressInfo,
    private readonly feeder: LiveFeeder,
    private readonly options: SyslogListenerOptions,
  ) {
    this.queue = feeder.queue;
    this.name = `tcp://${isIPv6(address.address) ? `[${address.address}]` : address.address}:${address.port}`;
    server.on('connection', (socket) => this.accept(socket));
    // Errors of the listening socket after it is bound (too many open files) do not stop it.
    server.on('error', () => feeder.counts.errors++);
  }

  /** Listen on host:port and start reading connections into a new queue. */
  static async start(options: SyslogListenerOptions): Promise<TcpSyslogListener> {
    const server = createServer({ pauseOnConnect: false });
    server.maxConnections = options.maxConnections ?? 256;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' }, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new TcpSyslogListener(server, server.address() as AddressInfo, new LiveFeeder(createLiveQueue(options)), options);
  }

  /** Counters with the number of open connections. */
  stats(): LiveInputStats {
    return this.feeder.stats({ connections: this.connections.size });
  }

  /** Stop accepting, close every connection; items still in backlogs are counted as dropped. */
  close(): Promise<void> {
    this.closed ??= new Promise<void>((resolve) => {
      this.closing = true;
      this.server.close(() => resolve());
      for (const socket of this.connections) socket.destroy();
      this.connections.clear();
      for (const backlog of this.backlogs.values()) this.feeder.drop(backlog.length);
      this.backlogs.clear();
      // Connections waiting for room must not wait for a consumer that may be gone.
      this.queue.releaseAll();
    });
    return this.closed;
  }

  private accept(socket: Socket): void {
    if (this.closing) {
      socket.destroy();
      return;
    }
    const maxBytes = this.options.maxMessageBytes ?? defaultMaxMessageBytes;
    const now = this.options.now ?? Date.now;
    const deframer = new SyslogDeframer({ maxMessageBytes: maxBytes });
    const origin = { remote: `${socket.remoteAddress}:${socket.remotePort}`, transport: 'tcp' as const };
    const backlog: LiveItem[] = [];
    let waiting = false;
    let ended = false;
    this.connections.add(socket);
    this.backlogs.set(socket, backlog);

    const drain = (): void => {
      let index = 0;
      while (index < backlog.length && this.feeder.offer(backlog[index])) index++;
      backlog.splice(0, index);
      if (backlog.length === 0) {
        if (socket.destroyed) this.backlogs.delete(socket);
        else if (!ended && socket.isPaused()) socket.resume();
        return;
      }
      socket.pause();
      if (waiting || this.closing) return;
      waiting = true;
      void this.queue.waitForSpace().then(() => {
        waiting = false;
        if (!this.closing) drain();
      });
    };
    const read = (frames: Frame[]): void => {
      const receivedAt = now();
      for (const frame of frames) {
        const item = toItem(frame, maxBytes, { ...origin, receivedAt });
        if (!item) continue;
        this.feeder.receive();
        if (frame.kind === 'message' && frame.fallback) this.feeder.counts.framingFallbacks++;
        backlog.push(item);
      }
      drain();
    };
    socket.on('data', (chunk: Buffer) => read(deframer.push(chunk)));
    socket.on('end', () => {
      ended = true;
      read(deframer.end());
    });
    // A reset or a broken connection costs that connection only.
    socket.on('error', () => this.feeder.counts.errors++);
    socket.on('close', () => {
      this.connections.delete(socket);
      // A connection that closed with frames still waiting hands them over as room appears.
      if (backlog.length === 0) this.backlogs.delete(socket);
    });
  }
}

function toItem(frame: Frame, maxBytes: number, origin: { receivedAt: number; remote: string; transport: 'tcp' }): LiveItem | null {
  if (frame.kind === 'reject') return { kind: 'reject', reason: frame.reason, raw: printable(frame.head), ...origin };
  return frameToItem(frame.bytes, maxBytes, origin);
}
