/**
 * Sends syslog messages to a listener: over UDP one datagram per message, over TCP with RFC 6587
 * octet-counting framing (`LENGTH SP MESSAGE`), which needs no escaping whatever the message holds.
 */
import { createSocket, type Socket as DatagramSocket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { connect, type Socket } from 'node:net';
import type { DemoTarget } from './target.js';

/** An open connection to a target. */
export interface MessageSender {
  /** Send one message; rejects when the target is gone (TCP) or the datagram cannot be sent. */
  send(message: string): Promise<void>;
  /** Flush and close. */
  close(): Promise<void>;
}

/** Open a sender; rejects with a one-line reason when a TCP target refuses or cannot be reached. */
export function openSender(target: DemoTarget): Promise<MessageSender> {
  return target.transport === 'udp' ? Promise.resolve(udpSender(target)) : tcpSender(target);
}

function udpSender(target: DemoTarget): MessageSender {
  const socket: DatagramSocket = createSocket(isIPv6(target.host) ? 'udp6' : 'udp4');
  let failure: Error | null = null;
  // An ICMP "port unreachable" surfaces as an error event on some systems: keep it for the next send.
  socket.on('error', (error) => (failure = error));
  return {
    send(message) {
      if (failure) return Promise.reject(describeError(target, failure));
      return new Promise((resolve, reject) => socket.send(message, target.port, target.host, (error) => (error ? reject(describeError(target, error)) : resolve())));
    },
    close() {
      return new Promise((resolve) => socket.close(() => resolve()));
    },
  };
}

function tcpSender(target: DemoTarget): Promise<MessageSender> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ host: target.host, port: target.port });
    let failure: Error | null = null;
    socket.once('error', (error) => reject(describeError(target, error)));
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      socket.on('error', (error) => (failure = describeError(target, error)));
      socket.on('close', () => (failure ??= new Error(`${target.url} closed the connection`)));
      resolve({
        async send(message) {
          if (failure) throw failure;
          const frame = `${Buffer.byteLength(message)} ${message}`;
          if (!socket.write(frame)) {
            await new Promise<void>((done, fail) => {
              const onClose = (): void => fail(failure ?? new Error(`${target.url} closed the connection`));
              socket.once('close', onClose);
              socket.once('drain', () => {
                socket.off('close', onClose);
                done();
              });
            });
          }
        },
        close() {
          return new Promise((done) => {
            if (socket.destroyed) return done();
            socket.once('close', () => done());
            socket.end();
            // A listener that keeps its side open does not hold the demo up.
            setTimeout(() => socket.destroy(), 2000).unref();
          });
        },
      });
    });
  });
}

const reasons: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is a listener running there?)',
  ECONNRESET: 'connection reset by the listener',
  EPIPE: 'the listener closed the connection',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'host name lookup failed',
};

/** "cannot send to tcp://127.0.0.1:5514: connection refused (…)". */
function describeError(target: DemoTarget, error: Error): Error {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return new Error(`cannot send to ${target.url}: ${reasons[code] ?? error.message}`);
}
