import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { VigilEvent } from '../../src-shared/api.js';

/** Pushed events over WebSocket at /api/events: every authorised client receives every event. */
export interface EventSocket {
  /** Accept an upgrade request that has already been authorised. */
  accept(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  broadcast(event: VigilEvent): void;
  close(): void;
}

/** Interval of the keep-alive ping that also drops dead clients. */
const pingIntervalMs = 30_000;

/** The event socket; the HTTP server routes authorised upgrades to it. */
export function createEventSocket(): EventSocket {
  const server = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const alive = new WeakMap<WebSocket, boolean>();
  server.on('connection', (client) => {
    alive.set(client, true);
    client.on('pong', () => alive.set(client, true));
    // Clients only listen: anything they send is ignored.
    client.on('message', () => {});
  });
  const timer = setInterval(() => {
    for (const client of server.clients) {
      if (!alive.get(client)) client.terminate();
      else {
        alive.set(client, false);
        client.ping();
      }
    }
  }, pingIntervalMs);
  timer.unref();
  return {
    accept(request, socket, head) {
      server.handleUpgrade(request, socket, head, (client) => server.emit('connection', client, request));
    },
    broadcast(event) {
      const text = JSON.stringify(event);
      for (const client of server.clients) if (client.readyState === client.OPEN) client.send(text);
    },
    close() {
      clearInterval(timer);
      for (const client of server.clients) client.terminate();
      server.close();
    },
  };
}
