// The sandboxed preload: exposes exactly the contract methods and one event subscription as window.vigil.
// It never exposes ipcRenderer itself, so the page can reach nothing but the validated contract.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventChannel, ipcChannel, apiMethodNames } from '../../src-shared/api/methods.js';
import type { VigilEvent, VigilEventListener } from '../../src-shared/api/push.js';
import type { IpcReply } from './ipc-reply.js';

/** The object exposed as window.vigil: one function per contract method, plus onEvent. */
function createBridge(): Record<string, unknown> {
  const bridge: Record<string, unknown> = {};
  for (const method of apiMethodNames) {
    bridge[method] = async (...args: unknown[]): Promise<unknown> => {
      const reply = (await ipcRenderer.invoke(ipcChannel(method), ...args)) as IpcReply;
      // A plain object survives the context bridge with its name; the renderer client turns it into an ApiError.
      if (!reply.ok) throw { name: reply.error.name, message: reply.error.message };
      return reply.value;
    };
  }
  bridge.onEvent = (listener: VigilEventListener): (() => void) => {
    const forward = (_event: IpcRendererEvent, pushed: VigilEvent): void => listener(pushed);
    ipcRenderer.on(eventChannel, forward);
    return () => ipcRenderer.removeListener(eventChannel, forward);
  };
  return bridge;
}

contextBridge.exposeInMainWorld('vigil', createBridge());
