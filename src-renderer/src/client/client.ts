import { apiMethodNames, fromErrorShape, type VigilApi, type VigilBridge } from '../../../src-shared/api';
import { createHttpClient } from './http-client';

/** How the UI reaches the engine: the preload bridge in Electron, HTTP + WebSocket in a browser. */
export function createClient(): { client: VigilBridge; transport: 'electron' | 'http' } {
  if (window.vigil) return { client: wrapBridge(window.vigil), transport: 'electron' };
  return { client: createHttpClient(), transport: 'http' };
}

/** The preload rejects with plain `{ name, message }` (the context bridge drops an Error's name): rebuild ApiErrors. */
function wrapBridge(bridge: VigilBridge): VigilBridge {
  const call = (method: keyof VigilApi) => (...args: unknown[]) =>
    (bridge[method] as (...parameters: unknown[]) => Promise<unknown>)(...args).catch((error: unknown) => {
      throw fromErrorShape(error);
    });
  const api = Object.fromEntries(apiMethodNames.map((name) => [name, call(name)])) as unknown as VigilApi;
  return { ...api, onEvent: (listener) => bridge.onEvent(listener) };
}
