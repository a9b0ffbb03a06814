import { fileURLToPath } from 'node:url';

/** Where `electron-vite build` puts the renderer, relative to this source file (run through tsx). */
export function defaultRendererDir(): string {
  return fileURLToPath(new URL('../../out/renderer/', import.meta.url));
}
