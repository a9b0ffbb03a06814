import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import type { VigilApi, VigilEvent } from '../../src-shared/api.js';
import { presentedToken, tokenCookieHeader, tokenMatches } from './auth.js';
import { createEventSocket } from './event-socket.js';
import type { RiskApiService } from '../engine/response/risk-api-service.js';
import { sendError, sendJson, baseHeaders } from './respond.js';
import { handleRiskApi, isRiskApiPath } from './risk-api.js';
import { handleRpc } from './rpc.js';
import { sendNotBuilt, serveStatic } from './static-files.js';

/** How to serve one case. */
export interface ServerOptions {
  api: VigilApi;
  host: string;
  /** 0 picks a free port. */
  port: number;
  token: string;
  /** The built renderer (index.html and assets). */
  rendererDir: string;
  /** The risk-scoring REST API (`--risk-api`); absent, its routes answer 404. */
  riskApi?: RiskApiService;
}

/** A listening server. */
export interface RunningServer {
  /** The base URL, e.g. http://127.0.0.1:4820/ */
  url: string;
  /** The URL to open once: it carries the token and sets the cookie. */
  loginUrl: string;
  port: number;
  /** Push an event to every connected UI. */
  broadcast(event: VigilEvent): void;
  close(): Promise<void>;
}

/** Serve the renderer and the contract (HTTP + WebSocket) for one case; every API call needs the token. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const rendererDir = resolve(options.rendererDir);
  const events = createEventSocket();
  const authorised = (request: IncomingMessage, url: URL, allowQuery: boolean): boolean =>
    tokenMatches(presentedToken(request, url, allowQuery), options.token);

  const server = createServer((request, response) => {
    route(request, response).catch((error: Error) => {
      process.stderr.write(`vigil serve: ${error.stack ?? error.message}\n`);
      if (!response.headersSent) sendError(response, { name: 'InternalError', message: error.message });
      else response.destroy();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://vigil.invalid');
    if (options.riskApi && isRiskApiPath(url.pathname)) {
      if (!authorised(request, url, false)) {
        sendError(response, { name: 'Unauthorized', message: 'the risk API needs the access token: send it as Authorization: Bearer TOKEN' });
        return;
      }
      return handleRiskApi(options.riskApi, url.pathname, request, response);
    }
    if (url.pathname.startsWith('/api/')) {
      if (!authorised(request, url, false)) {
        sendError(response, { name: 'Unauthorized', message: 'this Vigil server needs its access token: open the URL that vigil serve printed' });
        return;
      }
      const rpc = /^\/api\/rpc\/([A-Za-z]+)$/.exec(url.pathname);
      if (rpc) return handleRpc(options.api, rpc[1], request, response);
      sendJson(response, 404, { error: { name: 'NotFound', message: `no API route ${url.pathname}` } });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...baseHeaders, Allow: 'GET, HEAD' }).end();
      return;
    }
    const offered = url.searchParams.get('token');
    if (offered !== null) return acceptToken(offered, url, response);
    if (await serveStatic(rendererDir, url.pathname, response)) return;
    if (!existsSync(join(rendererDir, 'index.html'))) return sendNotBuilt(response, rendererDir);
    response.writeHead(404, { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
  }

  // Jupyter style: the printed link sets an HttpOnly cookie, then redirects so the token leaves the address bar.
  function acceptToken(offered: string, url: URL, response: ServerResponse): void {
    if (!tokenMatches(offered, options.token)) {
      response.writeHead(401, { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' }).end('This link carries a token this Vigil server does not accept.');
      return;
    }
    url.searchParams.delete('token');
    response.writeHead(303, { ...baseHeaders, 'Set-Cookie': tokenCookieHeader(options.token), Location: url.pathname + url.search, 'Cache-Control': 'no-store' });
    response.end();
  }

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://vigil.invalid');
    // A page on another origin must not read the events with the user's cookie.
    const origin = request.headers.origin;
    const sameOrigin = origin === undefined || origin === `http://${request.headers.host}`;
    if (url.pathname !== '/api/events' || !sameOrigin || !authorised(request, url, true)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    events.accept(request, socket, head);
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port, options.host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const hostInUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${hostInUrl}:${port}/`;
  return {
    url,
    loginUrl: `${url}?token=${encodeURIComponent(options.token)}`,
    port,
    broadcast: (event) => events.broadcast(event),
    close: () =>
      new Promise<void>((resolveClose) => {
        events.close();
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
