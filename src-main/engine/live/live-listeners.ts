/** Starting a live source from a listener configuration, with clear errors for bad addresses and files. */
import { access, constants, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { FileTail } from './file-tail.js';
import type { LiveInput } from './live-input.js';
import type { LiveListenerConfig } from './live-types.js';
import { startSyslogListener } from './syslog-server.js';

/** Kernel receive buffer asked for a UDP listener. */
const udpReceiveBufferBytes = 8 * 1024 * 1024;

/** A started source with the address it reads from. */
export interface StartedInput {
  input: LiveInput;
  /** The bound host:port, or the file's absolute path. */
  address: string;
}

/** `PORT`, `HOST:PORT` or `[IPv6]:PORT`; the host defaults to 127.0.0.1. Throws with the reason otherwise. */
export function parseEndpoint(text: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]:|([^:]+):)?(\d{1,5})$/.exec(text.trim());
  const port = match ? Number(match[3]) : Number.NaN;
  if (!match || port > 65535) throw new Error(`a listener address is [HOST:]PORT, not '${text}'`);
  return { host: match[1] ?? match[2] ?? '127.0.0.1', port };
}

/** Start the source a configuration names; rejects with a message saying what went wrong (port in use, unreadable file). */
export async function startInput(config: LiveListenerConfig): Promise<StartedInput> {
  const sizes = { queueCapacity: config.queueCapacity, maxMessageBytes: config.maxMessageBytes };
  if (config.kind === 'file-tail') {
    const path = resolve(config.address);
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) throw new Error(`cannot follow ${path}: it is a directory`);
    // A file that does not exist yet is waited for (a log not yet created); one that exists must be readable.
    if (info) await access(path, constants.R_OK).catch(() => Promise.reject(new Error(`cannot follow ${path}: permission denied`)));
    return { input: new FileTail({ path, from: config.fromStart ? 'start' : 'end', ...sizes }), address: path };
  }
  const { host, port } = parseEndpoint(config.address);
  const transport = config.kind === 'syslog-udp' ? 'udp' : 'tcp';
  try {
    // A large kernel buffer rides out the pauses while a batch is stored and scored (the system caps it at net.core.rmem_max).
    const listener = await startSyslogListener({ transport, host, port, ...sizes, receiveBufferBytes: transport === 'udp' ? udpReceiveBufferBytes : undefined });
    const bound = listener.address;
    return { input: listener, address: bound.family === 'IPv6' ? `[${bound.address}]:${bound.port}` : `${bound.address}:${bound.port}` };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'EADDRINUSE' ? 'the port is in use' : code === 'EACCES' ? 'permission denied (ports below 1024 need privileges)' : code === 'EADDRNOTAVAIL' ? 'no such local address' : (error as Error).message;
    throw new Error(`cannot listen on ${transport.toUpperCase()} ${host}:${port}: ${why}`);
  }
}
