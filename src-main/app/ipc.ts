import { ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { apiMethodNames, ipcChannel, parseArguments, toErrorShape, type ApiMethodName, type VigilApi } from '../../src-shared/api.js';
import type { IpcReply } from './ipc-reply.js';

/** Decides whether a frame may call the contract: only the app's own top-level page. */
export type FrameCheck = (frame: WebFrameMain | null) => boolean;

/** A frame check that accepts the top frame of pages under one of the given URL prefixes. */
export function trustedFrames(prefixes: string[]): FrameCheck {
  return (frame) => frame !== null && frame.parent === null && prefixes.some((prefix) => frame.url.startsWith(prefix));
}

/**
 * Bind every contract method to `ipcMain.handle('vigil:<method>')`: the sender frame is checked, the
 * arguments validated with the contract's schemas, and the result or error returned as an IpcReply.
 * `api` is read on each call, so switching cases needs no rebinding. Returns the unbinding function.
 */
export function bindContract(api: () => VigilApi, isTrusted: FrameCheck): () => void {
  for (const method of apiMethodNames) {
    ipcMain.handle(ipcChannel(method), (event: IpcMainInvokeEvent, ...args: unknown[]) => handle(api, method, event, args, isTrusted));
  }
  return () => {
    for (const method of apiMethodNames) ipcMain.removeHandler(ipcChannel(method));
  };
}

async function handle(api: () => VigilApi, method: ApiMethodName, event: IpcMainInvokeEvent, args: unknown[], isTrusted: FrameCheck): Promise<IpcReply> {
  if (!isTrusted(event.senderFrame)) {
    return { ok: false, error: { name: 'Unauthorized', message: `refused ${method} from ${event.senderFrame?.url ?? 'an unknown frame'}` } };
  }
  try {
    const parsed = parseArguments(method, args);
    const target = api()[method] as (...parameters: unknown[]) => Promise<unknown>;
    return { ok: true, value: await target.apply(api(), parsed) };
  } catch (error) {
    return { ok: false, error: toErrorShape(error) };
  }
}
