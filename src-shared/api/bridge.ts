import type { VigilApi } from './contract.js';
import type { VigilEventListener } from './push.js';

/**
 * What the UI holds: the contract plus a subscription to pushed events. The Electron preload exposes
 * exactly this as `window.vigil`; the browser client implements it over HTTP and WebSocket.
 */
export interface VigilBridge extends VigilApi {
  /** Subscribe to pushed events; returns the unsubscribe function. */
  onEvent(listener: VigilEventListener): () => void;
}
