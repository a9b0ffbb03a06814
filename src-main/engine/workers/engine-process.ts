import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { ResourceLimits } from 'node:worker_threads';
import type { WorkerError } from './protocol.js';
import type { EngineWorkerModule } from './worker-modules.js';

/** What the callers of an engine worker use of it: a worker thread and a worker in the engine process both have this shape. */
export interface EngineWorker {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: never) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  on(event: 'exit', listener: (code: number) => void): this;
  terminate(): Promise<number>;
  /** Let the process exit while this worker runs (`unref`), or not (`ref`, the default), as for a worker thread. */
  ref(): void;
  unref(): void;
}

/** What engine-host.mjs is asked, and what it answers, per job. */
type HostRequest =
  | { job: number; kind: 'start'; module: string; resourceLimits?: ResourceLimits }
  | { job: number; kind: 'message'; message: unknown }
  | { job: number; kind: 'terminate' };
type HostReply = { job: number; kind: 'message'; message: unknown } | { job: number; kind: 'error'; error: WorkerError } | { job: number; kind: 'exit'; code: number };

/** One worker thread in the engine process, seen from this one. */
class HostedWorker extends EventEmitter implements EngineWorker {
  readonly #exited: Promise<number>;
  referenced = true;

  constructor(
    private readonly host: EngineHost,
    readonly job: number,
  ) {
    super();
    this.#exited = new Promise((resolve) => this.once('exit', resolve));
  }

  override on(event: 'message', listener: (message: never) => void): this;
  override on(event: 'error', listener: (error: Error) => void): this;
  override on(event: 'exit', listener: (code: number) => void): this;
  override on(event: string, listener: (value: never) => void): this {
    return super.on(event, listener as (value: unknown) => void);
  }

  postMessage(message: unknown): void {
    this.host.send({ job: this.job, kind: 'message', message });
  }

  terminate(): Promise<number> {
    // Referenced until it has ended, or an idle caller could exit before the answer and never see the promise settle.
    this.ref();
    this.host.send({ job: this.job, kind: 'terminate' });
    return this.#exited;
  }

  ref(): void {
    this.referenced = true;
    this.host.referencesChanged();
  }

  unref(): void {
    this.referenced = false;
    this.host.referencesChanged();
  }
}

/**
 * The engine process: one Node process beside this one, started once, that runs the heavy workers (imports,
 * trainings) in threads of its own. A worker thread in this process shares its memory map with the thread
 * that serves the UI, and a worker faulting in hundreds of MB (an import's batches, training's feature
 * matrix) held that thread up for 20-85 ms; one in another process cannot. The process is started once
 * because starting one blocks the caller for 9-17 ms (libuv waits for the child's exec).
 */
class EngineHost {
  readonly #child: ChildProcess;
  readonly #workers = new Map<number, HostedWorker>();
  #nextJob = 1;

  constructor(onExit: () => void) {
    // No execArgv: the entry is plain JavaScript, and a worker thread registers tsx itself when it runs sources.
    this.#child = fork(new URL('./engine-host.mjs', import.meta.url), [], { execArgv: [], serialization: 'advanced' });
    this.#child.on('message', (reply: HostReply) => {
      const worker = this.#workers.get(reply.job);
      if (!worker) return;
      if (reply.kind === 'message') worker.emit('message', reply.message);
      else if (reply.kind === 'error') worker.emit('error', Object.assign(new Error(reply.error.message), { name: reply.error.name }));
      else this.#finish(worker, reply.code);
    });
    // Gone (or never started): its workers end, and the next one starts a new engine process.
    const gone = (): void => {
      onExit();
      for (const worker of this.#workers.values()) this.#finish(worker, 1);
    };
    this.#child.on('exit', gone);
    this.#child.on('error', (error) => {
      for (const worker of this.#workers.values()) worker.emit('error', error);
      this.#child.kill();
      gone();
    });
    this.referencesChanged();
  }

  start(module: string, resourceLimits: ResourceLimits | undefined): EngineWorker {
    const worker = new HostedWorker(this, this.#nextJob++);
    this.#workers.set(worker.job, worker);
    this.referencesChanged();
    this.send({ job: worker.job, kind: 'start', module, resourceLimits });
    return worker;
  }

  send(request: HostRequest): void {
    if (this.#child.connected) this.#child.send(request);
  }

  /** While a referenced worker runs, the engine process keeps this one alive; otherwise it never holds it back from exiting. */
  referencesChanged(): void {
    if ([...this.#workers.values()].some((worker) => worker.referenced)) {
      this.#child.ref();
      this.#child.channel?.ref();
    } else {
      this.#child.unref();
      this.#child.channel?.unref();
    }
  }

  #finish(worker: HostedWorker, code: number): void {
    if (!this.#workers.delete(worker.job)) return;
    this.referencesChanged();
    worker.emit('exit', code);
  }
}

let host: EngineHost | null = null;

function engineHost(): EngineHost {
  if (host) return host;
  const started: EngineHost = new EngineHost(() => {
    if (host === started) host = null;
  });
  return (host = started);
}

/** Start the engine process ahead of the first import or training, when a case opens, so neither waits for it. */
export function prepareEngineProcess(): void {
  engineHost();
}

/**
 * Start one of the engine's worker modules in a worker thread of the engine process (in Electron, a Node process of
 * Electron's own binary). Every thread there runs at a lower priority than the caller's (see engine-host.mjs).
 */
export function startEngineProcess(module: EngineWorkerModule, resourceLimits?: ResourceLimits): EngineWorker {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return engineHost().start(new URL(`./${module}${extension}`, import.meta.url).href, resourceLimits);
}
