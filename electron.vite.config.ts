// Builds the three parts of the desktop app: main (Node, Electron), the sandboxed preload, and the React renderer.
// The renderer build is also what `vigil serve` serves, so the browser and the desktop run the same UI.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { engineWorkerModules } from './src-main/engine/workers/worker-modules.js';
import { contentSecurityPolicy } from './src-shared/api/content-policy.js';

/** Put the CSP in the built index.html (not in dev, where Vite's hot reload needs inline scripts). */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'vigil:content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ header: false }) }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        // Worker threads are entries of their own: startEngineWorker starts ./bootstrap.mjs (so does the engine
        // process, ./engine-host.mjs, for startEngineProcess), which loads
        // ./import-worker.js (and the others) beside the chunk that starts them, so every chunk stays in this folder.
        // The command line is an entry too: bin/vigil.js runs it when it is newer than the sources.
        input: {
          index: resolve('src-main/app/main.ts'),
          cli: resolve('src-main/cli/main.ts'),
          bootstrap: resolve('src-main/engine/workers/bootstrap.mjs'),
          'engine-host': resolve('src-main/engine/workers/engine-host.mjs'),
          ...Object.fromEntries(engineWorkerModules.map((name) => [name, resolve(`src-main/engine/workers/${name}.ts`)])),
        },
        output: { entryFileNames: (chunk) => (['bootstrap', 'engine-host'].includes(chunk.name) ? '[name].mjs' : '[name].js'), chunkFileNames: '[name]-[hash].js' },
        // A native module: loaded from node_modules (asar-unpacked) at run time, never bundled.
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads run as classic scripts: CommonJS, everything but `electron` bundled in.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: resolve('src-main/app/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    base: './',
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: resolve('out/renderer'),
      // Also served over HTTP by vigil serve: a smaller bundle loads faster there.
      minify: true,
      rolldownOptions: { input: resolve('src-renderer/index.html') },
    },
  },
});
