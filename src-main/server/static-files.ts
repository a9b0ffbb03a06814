import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { contentSecurityPolicy } from '../../src-shared/api.js';
import { baseHeaders } from './respond.js';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** Serve a file of the built renderer; `/` is index.html. Resolves false when there is no such file. */
export async function serveStatic(root: string, pathname: string, response: ServerResponse): Promise<boolean> {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return false;
  }
  // normalize() folds "..": anything that still leaves the root is refused.
  const file = normalize(join(root, relative));
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep) || relative.includes('\0')) return false;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;
  const type = contentTypes[extname(file)] ?? 'application/octet-stream';
  const html = type.startsWith('text/html');
  response.writeHead(200, {
    ...baseHeaders,
    'Content-Type': type,
    'Content-Length': info.size,
    // Hashed asset names never change; the page itself must be re-read so a rebuild is picked up.
    'Cache-Control': html ? 'no-cache' : 'public, max-age=31536000, immutable',
    ...(html ? { 'Content-Security-Policy': contentSecurityPolicy({ header: true }) } : {}),
  });
  createReadStream(file).pipe(response);
  return true;
}

/** The page shown when the renderer has not been built, so the API still works and the fix is stated. */
export function sendNotBuilt(response: ServerResponse, root: string): void {
  const body = `<!doctype html><meta charset="utf-8"><title>Vigil</title><p>The Vigil UI is not built (no ${root}/index.html). Run <code>npm run build</code>, then reload.</p>`;
  response.writeHead(503, { ...baseHeaders, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': contentSecurityPolicy({ header: true }) });
  response.end(body);
}
