/**
 * The tfjs backend for the engine: WebAssembly (with SIMD when the runtime validates it), since
 * tfjs-node cannot be installed. The .wasm binaries ship inside @tensorflow/tfjs-backend-wasm and are
 * read from its folder on disk, so this works offline, in plain Node and in worker_threads.
 *
 * The threaded wasm binary is not used: tfjs disables it under Node, and forced on it starts its pthread
 * workers from blob: URLs, which node:worker_threads refuses (ERR_WORKER_PATH). With those URLs patched
 * to files the workers load but the thread pool still runs one thread, and the autoencoder's kernels are
 * too small to gain from threads anyway (their cost is per-call overhead, not arithmetic).
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname, sep } from 'node:path';

let backendReady: Promise<string> | null = null;

/** The folder holding tfjs-backend-wasm*.wasm, with a trailing separator (tfjs appends file names). */
export function wasmBinaryFolder(): string {
  const entry = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm');
  return dirname(entry) + sep;
}

/** What the backend runs with, for the log and the bench. */
export interface BackendDescription {
  name: string;
  simd: boolean;
  threads: boolean;
}

/**
 * Make the wasm backend current (once per thread; later calls share the first) and return the name of
 * the backend actually in use: 'wasm', or 'cpu' when WebAssembly cannot start.
 */
export function useWasmBackend(): Promise<string> {
  backendReady ??= startBackend();
  return backendReady;
}

/** The backend in use with its wasm features (SIMD, threads). */
export async function describeBackend(): Promise<BackendDescription> {
  const name = await useWasmBackend();
  if (name !== 'wasm') return { name, simd: false, threads: false };
  const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  const threads = Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
  return { name, simd, threads };
}

async function startBackend(): Promise<string> {
  try {
    setWasmPaths(wasmBinaryFolder());
    if (await tf.setBackend('wasm')) {
      await tf.ready();
      return tf.getBackend();
    }
  } catch {
    // Fall through to the pure JavaScript backend: slower, same results up to rounding.
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return tf.getBackend();
}
