// Worker entry: loads the worker module named in workerData. From a source checkout the module is
// TypeScript, so tsx's loader is registered first; a built app points at compiled JavaScript.
import { workerData } from 'node:worker_threads';

const target = workerData.module;
if (target.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(target);
