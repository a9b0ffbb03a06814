// The engine process (see engine-process.ts): runs engine worker modules in worker threads of its own, as
// many as it is asked for at once, and relays their messages over the IPC channel, each tagged with its job.
// Plain JavaScript: nothing here needs tsx.
import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import { Worker } from 'node:worker_threads';

// Everything this process does is background work for the process that serves the UI, so all of it runs at
// a lower priority, V8's garbage-collector threads included, not only the workers' own threads: on two busy
// cores the serving thread then gets the CPU at once. On Linux a nice value belongs to one thread (and a
// thread inherits its starter's), so every thread there is now is lowered; elsewhere the process is.
let threads = [0];
try {
  threads = readdirSync('/proc/self/task').map(Number);
} catch {
  // Not Linux: lower the process.
}
for (const thread of threads) {
  try {
    setPriority(thread, 10);
  } catch {
    // Not permitted here: run at normal priority.
  }
}

/** @type {Map<number, Worker>} */
const workers = new Map();

process.on('message', (request) => {
  const { job } = request;
  if (request.kind === 'start') {
    const { module, resourceLimits } = request;
    // Its thread inherits this one's lower priority: it needs no `background` of its own.
    const worker = new Worker(new URL('./bootstrap.mjs', import.meta.url), { workerData: { module }, resourceLimits });
    workers.set(job, worker);
    worker.on('message', (message) => process.send({ job, kind: 'message', message }));
    worker.on('error', (error) => process.send({ job, kind: 'error', error: { name: error.name, message: error.message } }));
    worker.on('exit', (code) => {
      workers.delete(job);
      process.send({ job, kind: 'exit', code });
    });
  } else if (request.kind === 'message') workers.get(job)?.postMessage(request.message);
  else void workers.get(job)?.terminate();
});

// The process that started this one is gone: stop, so no work outlives its caller. It may have gone while
// this module loaded, before the listener was there.
process.on('disconnect', () => process.exit(1));
if (!process.connected) process.exit(1);
