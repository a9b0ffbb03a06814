import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout this file runs from (tsx, from source): its package.json and node_modules. */
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Make sure the built UI exists before serving it: a fresh checkout has none until `npm run build`, so
 * `vigil serve` builds it once itself (about 30 s) rather than serving a page that says it is missing.
 * Returns null when the UI is there, else why it could not be built (the server then explains it in the page).
 */
export function ensureRendererBuilt(rendererDir: string, log: (text: string) => void): string | null {
  if (existsSync(join(rendererDir, 'index.html'))) return null;
  const builder = join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (!existsSync(builder)) return `no built UI in ${rendererDir} and no electron-vite to build it (run npm install, then npm run build)`;
  log('The UI is not built yet: building it once (electron-vite build, about 30 s)…\n');
  const result = spawnSync(process.execPath, [builder, 'build'], { cwd: projectRoot, encoding: 'utf8' });
  if (result.status === 0 && existsSync(join(rendererDir, 'index.html'))) return null;
  const output = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n').slice(-3).join(' ');
  return `building the UI failed (${result.error?.message ?? `exit ${result.status}`}): ${output}`;
}
