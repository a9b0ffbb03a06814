/** Test helpers for live sources: bounded waiting and plain socket clients on 127.0.0.1. */
import { createSocket } from 'node:dgram';
import { connect, type Socket } from 'node:net';

/** Resolve once `condition` holds; fail after `timeoutMs` (tests never wait unbounded). */
export async function waitFor(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Send datagrams one after the other to 127.0.0.1:port. */
export async function sendDatagrams(port: number, datagrams: (string | Buffer)[]): Promise<void> {
  const socket = createSocket('udp4');
  try {
    for (const datagram of datagrams) {
      await new Promise<void>((resolve, reject) => socket.send(datagram, port, '127.0.0.1', (error) => (error ? reject(error) : resolve())));
    }
  } finally {
    socket.close();
  }
}

/** Open a TCP connection to 127.0.0.1:port. */
export function connectTcp(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Write `data` in order and end the connection; resolves once everything is flushed to the kernel. */
export async function writeAndEnd(socket: Socket, data: (string | Buffer)[]): Promise<void> {
  for (const part of data) {
    if (!socket.write(part)) await new Promise((resolve) => socket.once('drain', resolve));
  }
  await new Promise<void>((resolve) => socket.end(resolve));
}
