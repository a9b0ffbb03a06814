// Worker entry: loads the worker module named in workerData. From a source checkout the module is
// TypeScript, so tsx's loader is registered first; a built app points at compiled JavaScript.
import { setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';

// Background work (imports, training) yields the CPU to the serving thread when both cores are busy.
// On Linux a nice value belongs to one thread, so this lowers this worker only.
if (workerData.background) {
  try {
    setPriority(0, 10);
  } catch {
    // Not permitted here: run at normal priority.
  }
}

const target = workerData.module;
if (target.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(target);
