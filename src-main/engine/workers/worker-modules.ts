import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * The engine's worker-thread modules. The desktop build makes each one an entry of its own beside
 * bootstrap.mjs (electron.vite.config.ts reads this list), so a worker started from the build finds its module.
 */
export const engineWorkerModules = ['import-worker', 'import-parse-worker', 'train-worker', 'live-worker', 'detection-read-worker', 'scores-csv-worker', 'forest-score-worker', 'checkpoint-worker', 'read-worker', 'live-scorer-worker'] as const;

export type EngineWorkerModule = (typeof engineWorkerModules)[number];

/**
 * Start a worker thread running one of the engine's worker modules (TypeScript from source, JavaScript when
 * built). A `background` worker runs at a lower priority than the thread that serves the UI.
 */
export function startEngineWorker(module: EngineWorkerModule, resourceLimits?: ResourceLimits, background = false): Worker {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new Worker(new URL('./bootstrap.mjs', import.meta.url), {
    workerData: { module: new URL(`./${module}${extension}`, import.meta.url).href, background },
    resourceLimits,
  });
}
