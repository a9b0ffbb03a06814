import type { VigilBridge } from '../../../src-shared/api';

declare global {
  interface Window {
    /** The contract bridge the Electron preload exposes; absent in a browser. */
    vigil?: VigilBridge;
  }
}
