// The Electron binary cannot run on the build machines, so `electron` is mocked: the test captures what
// the app registers with ipcMain and exposes through contextBridge, which is the whole security surface.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiMethodNames, ipcChannel, type VigilApi } from '../../../src-shared/api.js';
import type { IpcReply } from '../ipc-reply.js';

type Handler = (event: unknown, ...args: unknown[]) => Promise<IpcReply>;
const captured = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  exposed: new Map<string, unknown>(),
  invoked: [] as { channel: string; args: unknown[] }[],
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => captured.handlers.set(channel, handler),
    removeHandler: (channel: string) => captured.handlers.delete(channel),
  },
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => captured.exposed.set(key, value) },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => {
      captured.invoked.push({ channel, args });
      return channel === 'vigil:getEvent' ? { ok: false, error: { name: 'NotFound', message: 'no event #9' } } : { ok: true, value: { channel } };
    },
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));

const { bindContract, trustedFrames } = await import('../ipc.js');

const appFrame = { url: 'vigil://app/index.html', parent: null };
const fakeApi = Object.fromEntries(apiMethodNames.map((name) => [name, vi.fn(async (...args: unknown[]) => ({ method: name, args }))])) as unknown as VigilApi;

describe('IPC binding of the contract', () => {
  beforeEach(() => captured.handlers.clear());

  it('binds every contract method, and nothing else', () => {
    const unbind = bindContract(() => fakeApi, trustedFrames(['vigil://app/']));
    expect([...captured.handlers.keys()].sort()).toEqual(apiMethodNames.map(ipcChannel).sort());
    unbind();
    expect(captured.handlers.size).toBe(0);
  });

  it('answers the app frame with validated arguments', async () => {
    bindContract(() => fakeApi, trustedFrames(['vigil://app/']));
    const handler = captured.handlers.get('vigil:queryEvents') as Handler;
    const reply = await handler({ senderFrame: appFrame }, { user: 'alice' }, { after: null, limit: 10 });
    expect(reply).toEqual({ ok: true, value: { method: 'queryEvents', args: [{ user: 'alice' }, { after: null, limit: 10 }] } });
  });

  it('refuses other frames and invalid arguments, as data the preload can rebuild', async () => {
    bindContract(() => fakeApi, trustedFrames(['vigil://app/']));
    const handler = captured.handlers.get('vigil:getEvent') as Handler;
    for (const frame of [{ url: 'https://evil.example/', parent: null }, { url: 'vigil://app/index.html', parent: appFrame }, null]) {
      expect(await handler({ senderFrame: frame }, 1)).toMatchObject({ ok: false, error: { name: 'Unauthorized' } });
    }
    expect(await handler({ senderFrame: appFrame }, 'DROP TABLE')).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
    expect(await handler({ senderFrame: appFrame }, 1, 'extra')).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
  });
});

describe('preload', () => {
  it('exposes exactly the contract methods and onEvent as window.vigil, never ipcRenderer', async () => {
    await import('../preload.js');
    expect([...captured.exposed.keys()]).toEqual(['vigil']);
    const bridge = captured.exposed.get('vigil') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual([...apiMethodNames, 'onEvent'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('forwards calls to their channel and rejects with a plain { name, message }', async () => {
    const bridge = captured.exposed.get('vigil') as Record<string, (...args: unknown[]) => Promise<unknown>>;
    expect(await bridge.overview()).toEqual({ channel: 'vigil:overview' });
    await expect(bridge.getEvent(9)).rejects.toEqual({ name: 'NotFound', message: 'no event #9' });
    expect(captured.invoked.at(-1)).toEqual({ channel: 'vigil:getEvent', args: [9] });
  });
});
