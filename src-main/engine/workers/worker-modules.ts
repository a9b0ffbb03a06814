/**
 * The engine's worker-thread modules. The desktop build makes each one an entry of its own beside
 * bootstrap.mjs (electron.vite.config.ts reads this list), so a worker started from the build finds its module.
 */
export const engineWorkerModules = ['import-worker', 'import-parse-worker', 'train-worker', 'live-worker', 'detection-read-worker', 'scores-csv-worker'] as const;

export type EngineWorkerModule = (typeof engineWorkerModules)[number];
