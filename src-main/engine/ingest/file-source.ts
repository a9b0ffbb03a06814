import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** What identifies an imported file: sha256 of its bytes as stored (compressed, if gzip), its size, whether it is gzip. */
export interface FileIdentity {
  sha256: string;
  size: number;
  gzip: boolean;
}

/** The identity of a file's content: sha256 of its bytes as stored (compressed, if gzip). */
export async function fileIdentity(path: string): Promise<FileIdentity> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`${path} is not a file`);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return { sha256: hash.digest('hex'), size: info.size, gzip: await isGzip(path) };
}

/** True when the file starts with the gzip magic bytes. */
export async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** A stream of the file's text bytes, gunzipped when needed; `onBytes` counts the bytes read from disk. */
export function openContent(path: string, gzip: boolean, onBytes: (count: number) => void): Readable {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  file.on('data', (chunk) => onBytes(chunk.length));
  if (!gzip) return file;
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  file.on('error', (error) => gunzip.destroy(error));
  return file.pipe(gunzip);
}

/** The first non-empty lines of a file's text (gunzipped), for format detection. */
export async function sampleLines(path: string, gzip: boolean, count = 20): Promise<string[]> {
  const lines: string[] = [];
  let text = '';
  const stream = openContent(path, gzip, () => undefined);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    text += chunk.toString('utf8');
    const parts = text.split('\n');
    text = parts.pop() ?? '';
    for (const part of parts) if (part.trim()) lines.push(part.replace(/\r$/, ''));
    if (lines.length >= count || text.length > 1 << 20) break;
  }
  if (lines.length < count && text.trim()) lines.push(text);
  stream.destroy();
  return lines.slice(0, count);
}
