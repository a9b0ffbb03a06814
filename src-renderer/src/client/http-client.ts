import { apiMethodNames, fromErrorShape, ApiError, type ApiErrorShape, type VigilApi, type VigilBridge, type VigilEvent, type VigilEventListener } from '../../../src-shared/api';

/** Delay before reconnecting the event socket after it dropped. */
const reconnectDelayMs = 2000;

/**
 * The contract over HTTP (`POST /api/rpc/<method>`) and pushed events over a WebSocket (`/api/events`),
 * for the UI in a browser talking to `vigil serve`. The token travels in the HttpOnly cookie.
 */
export function createHttpClient(origin: string = window.location.origin): VigilBridge {
  const listeners = new Set<VigilEventListener>();
  let socket: WebSocket | null = null;

  async function call(method: string, args: unknown[]): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${origin}/api/rpc/${method}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(args),
      });
    } catch (error) {
      throw new ApiError('InternalError', `cannot reach the Vigil server: ${(error as Error).message}`);
    }
    const body = (await response.json().catch(() => null)) as { result?: unknown; error?: ApiErrorShape } | null;
    if (!response.ok || !body || body.error) throw fromErrorShape(body?.error ?? { name: 'InternalError', message: `HTTP ${response.status}` });
    return body.result;
  }

  function connect(): void {
    const url = `${origin.replace(/^http/, 'ws')}/api/events`;
    const current = new WebSocket(url);
    socket = current;
    current.addEventListener('message', (message) => {
      const event = JSON.parse(String(message.data)) as VigilEvent;
      for (const listener of listeners) listener(event);
    });
    current.addEventListener('close', () => {
      if (socket !== current) return;
      socket = null;
      // Reconnect only while someone listens (the server may have restarted).
      if (listeners.size > 0) setTimeout(() => listeners.size > 0 && socket === null && connect(), reconnectDelayMs);
    });
  }

  // Every method forwards its arguments as a JSON array; the server validates them against the same schemas.
  const api = Object.fromEntries(apiMethodNames.map((name) => [name, (...args: unknown[]) => call(name, args)])) as unknown as VigilApi;
  return {
    ...api,
    onEvent(listener) {
      listeners.add(listener);
      if (socket === null) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && socket) {
          const closing = socket;
          socket = null;
          closing.close();
        }
      };
    },
  };
}
