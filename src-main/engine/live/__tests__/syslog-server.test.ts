import { afterEach, describe, expect, it } from 'vitest';
import type { LiveItem } from '../live-message.js';
import { startSyslogListener, type SyslogListener } from '../syslog-server.js';
import { connectTcp, sendDatagrams, waitFor, writeAndEnd } from './wait.js';

const listeners: SyslogListener[] = [];

async function listen(options: Omit<Parameters<typeof startSyslogListener>[0], 'host' | 'port'>): Promise<SyslogListener> {
  const listener = await startSyslogListener({ ...options, host: '127.0.0.1', port: 0 });
  listeners.push(listener);
  return listener;
}

afterEach(async () => {
  await Promise.all(listeners.splice(0).map((listener) => listener.close()));
});

function message(index: number): string {
  return `<38>Mar  1 10:00:${String(index % 60).padStart(2, '0')} host sshd[${index}]: Accepted password for user${index} from 192.0.2.${index % 250} port 22 ssh2`;
}

function texts(items: LiveItem[]): string[] {
  return items.map((item) => (item.kind === 'message' ? item.text : `REJECT ${item.reason}`));
}

describe('UDP syslog listener', () => {
  it('binds port 0 on 127.0.0.1 and receives every datagram', async () => {
    const listener = await listen({ transport: 'udp' });
    expect(listener.address.address).toBe('127.0.0.1');
    expect(listener.address.port).toBeGreaterThan(0);
    expect(listener.name).toBe(`udp://127.0.0.1:${listener.address.port}`);
    const sent = Array.from({ length: 200 }, (_, index) => message(index));
    await sendDatagrams(listener.address.port, sent.map((text) => `${text}\n`));
    await waitFor(() => listener.stats().received === 200, 5000, 'all datagrams');
    const items = listener.queue.take();
    expect(texts(items)).toEqual(sent);
    expect(items[0]).toMatchObject({ kind: 'message', transport: 'udp' });
    expect(items[0].remote).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(listener.stats()).toMatchObject({ received: 200, accepted: 200, rejected: 0, dropped: 0 });
    // On Linux the kernel's own count for the socket is readable (and nothing was lost here).
    if (process.platform === 'linux') expect(listener.stats().kernelDrops).toBe(0);
  });

  it('counts what a full queue cannot take: a flood is dropped and counted, never silently lost', async () => {
    const listener = await listen({ transport: 'udp', queueCapacity: 10 });
    const sent = 300;
    await sendDatagrams(listener.address.port, Array.from({ length: sent }, (_, index) => message(index)));
    await waitFor(() => listener.stats().received + (listener.stats().kernelDrops ?? 0) >= sent, 5000, 'the flood');
    const stats = listener.stats();
    expect(stats.accepted).toBe(10);
    expect(stats.queueDepth).toBe(10);
    expect(stats.dropped).toBe(stats.received - 10);
    expect(stats.dropped).toBeGreaterThan(0);
  });

  it('rejects binary, invalid UTF-8 and oversized datagrams with reasons, and keeps receiving', async () => {
    const listener = await listen({ transport: 'udp', maxMessageBytes: 1000 });
    await sendDatagrams(listener.address.port, [
      message(1),
      Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x41]),
      Buffer.concat([Buffer.from('<38>Mar  1 10:00:00 host sshd[1]: caf'), Buffer.from([0xc3, 0x28])]),
      `<38>${'z'.repeat(3000)}`,
      Buffer.from('<38>Mar  1 10:00:00 host app: ding\x07\x00\x00'),
      message(2),
    ]);
    await waitFor(() => listener.stats().received === 6, 5000, 'six datagrams');
    const items = listener.queue.take();
    expect(texts(items)).toEqual([
      message(1),
      'REJECT invalid UTF-8',
      'REJECT invalid UTF-8',
      'REJECT message longer than 1000 bytes (3004 bytes)',
      'REJECT binary data (byte 0x07)',
      message(2),
    ]);
    const invalid = items[2];
    expect(invalid.kind === 'reject' && invalid.raw).toBe('<38>Mar  1 10:00:00 host sshd[1]: caf\\xc3(');
    expect(listener.stats()).toMatchObject({ accepted: 2, rejected: 4, dropped: 0 });
  });
});

describe('TCP syslog listener', () => {
  it('receives newline-framed and octet-counted messages from several connections', async () => {
    const listener = await listen({ transport: 'tcp' });
    expect(listener.name).toBe(`tcp://127.0.0.1:${listener.address.port}`);
    const octets = (text: string): string => `${Buffer.byteLength(text)} ${text}`;
    const clients = await Promise.all([connectTcp(listener.address.port), connectTcp(listener.address.port)]);
    await Promise.all([
      writeAndEnd(clients[0], Array.from({ length: 100 }, (_, index) => `${message(index)}\n`)),
      writeAndEnd(clients[1], Array.from({ length: 100 }, (_, index) => octets(message(1000 + index)))),
    ]);
    await waitFor(() => listener.stats().received === 200, 5000, 'all messages');
    const received = texts(listener.queue.take());
    expect(received.filter((text) => /sshd\[\d{1,3}\]/.test(text))).toEqual(Array.from({ length: 100 }, (_, index) => message(index)));
    expect(received.filter((text) => /sshd\[\d{4}\]/.test(text))).toEqual(Array.from({ length: 100 }, (_, index) => message(1000 + index)));
    await waitFor(() => listener.stats().connections === 0, 2000, 'connections to close');
  });

  it('joins messages split across packets', async () => {
    const listener = await listen({ transport: 'tcp' });
    const client = await connectTcp(listener.address.port);
    client.setNoDelay(true);
    const octets = `${Buffer.byteLength(message(2))} ${message(2)}`;
    const pieces = [message(1).slice(0, 20), `${message(1).slice(20)}\n${octets.slice(0, 2)}`, octets.slice(2, 40), `${octets.slice(40)}${message(3)}`, '\n'];
    for (const piece of pieces) {
      client.write(piece);
      // A pause between writes: each piece travels in a packet of its own.
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    await waitFor(() => listener.stats().received === 3, 5000, 'three messages');
    expect(texts(listener.queue.take())).toEqual([message(1), message(2), message(3)]);
    client.destroy();
  });

  it('loses nothing with a tiny queue: the connection pauses until the consumer catches up', async () => {
    const listener = await listen({ transport: 'tcp', queueCapacity: 4 });
    const sent = Array.from({ length: 1500 }, (_, index) => message(index));
    const received: string[] = [];
    let deepest = 0;
    // A slow consumer: a few items per tick.
    const consumer = setInterval(() => {
      deepest = Math.max(deepest, listener.queue.depth);
      received.push(...texts(listener.queue.take(3)));
    }, 1);
    try {
      const client = await connectTcp(listener.address.port);
      // One large write: the listener reads far more than the queue holds at once.
      await writeAndEnd(client, [sent.map((text) => `${text}\n`).join('')]);
      await waitFor(() => received.length === sent.length, 15_000, 'every message');
    } finally {
      clearInterval(consumer);
    }
    expect(received).toEqual(sent);
    expect(deepest).toBeLessThanOrEqual(4);
    expect(listener.stats()).toMatchObject({ received: 1500, accepted: 1500, dropped: 0, rejected: 0 });
  });

  it('rejects hostile frames with reasons while the good messages still arrive', async () => {
    const listener = await listen({ transport: 'tcp', maxMessageBytes: 65_536 });
    const client = await connectTcp(listener.address.port);
    await writeAndEnd(client, [
      `${message(1)}\n`,
      Buffer.concat([Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x01, 0x02, 0x03]), Buffer.from('\n')]),
      `${'A'.repeat(1024 * 1024)}\n`,
      Buffer.concat([Buffer.from('<38>Mar  1 10:00:00 host sshd[9]: '), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]),
      `99999999999 ${message(2)}\n`,
      `17 not a syslog frame at all\n`,
      Buffer.from([0x00, 0x00, 0x07, 0x08, 0x00]),
      `${Buffer.byteLength(message(3))} ${message(3)}`,
      `${message(4)}\n`,
    ]);
    await waitFor(() => listener.stats().received >= 8 && listener.stats().connections === 0, 5000, 'all frames');
    expect(texts(listener.queue.take())).toEqual([
      message(1),
      'REJECT invalid UTF-8',
      'REJECT message longer than 65536 bytes (1048576 bytes)',
      'REJECT invalid UTF-8',
      message(2),
      '17 not a syslog frame at all',
      'REJECT binary data (byte 0x07)',
      message(3),
      message(4),
    ]);
    expect(listener.stats()).toMatchObject({ accepted: 5, rejected: 4, dropped: 0, framingFallbacks: 2 });
  });

  it('closes cleanly with connections still open', async () => {
    const listener = await startSyslogListener({ transport: 'tcp', host: '127.0.0.1', port: 0 });
    const client = await connectTcp(listener.address.port);
    client.on('error', () => undefined);
    client.write(`${message(1)}\n`);
    await waitFor(() => listener.stats().received === 1, 2000, 'the message');
    const closed = new Promise((resolve) => client.once('close', resolve));
    await listener.close();
    await closed;
    expect(listener.stats().connections).toBe(0);
  });
});
