/**
 * A live session seen from the main thread (Electron main, the server, the CLI): listeners, storage,
 * scoring, the alert policy and e-mail/webhook delivery all run in the live worker with its own case
 * connection; this side only sends typed requests and receives alerts and status. The desktop channel
 * is the caller's: `onAlert` gets every alert (with `notify` saying whether to show it). A crashed worker
 * is reported through `onError` and the status, and every pending call is rejected: nothing hangs.
 */
import type { Worker } from 'node:worker_threads';
import type { AlertChannels } from '../../../src-shared/api/settings.js';
import type { LiveReply, LiveRequest } from '../workers/live-protocol.js';
import { startEngineWorker } from '../workers/worker-modules.js';
import type { LiveAlert, LiveListenerConfig, LiveListenerStatus, LiveSessionStatus } from './live-types.js';

export type { LiveAlert, LiveListenerConfig, LiveListenerStatus, LiveSessionStatus } from './live-types.js';

/** What a session needs. */
export interface LiveSessionOptions {
  casePath: string;
  /** Who the audit trail names. */
  actor: string;
  /** IANA zone for syslog timestamps without one. Default UTC. */
  timeZone?: string;
  /** Year for syslog timestamps without one. Default the current year. */
  year?: number;
  /** Every alert as it fires. */
  onAlert?: (alert: LiveAlert) => void;
  /** The status, about once a second. */
  onStatus?: (status: LiveSessionStatus) => void;
  /** Problems that do not stop the session (a batch that cannot be stored), and a worker crash. */
  onError?: (message: string) => void;
  /** E-mail and webhooks for this session in place of the case's settings (the CLI's options). */
  channels?: AlertChannels;
  /** Longest wait before queued messages are stored, in ms. Default 20. */
  flushMs?: number;
}

/** Replies that answer a request. */
type Answer = Extract<LiveReply, { seq: number }>;

const emptyStatus: LiveSessionStatus = { listeners: [], scoring: { runId: null, reason: 'starting' }, alerts: 0, recentRate: [0, 0, 0, 0, 0], deliveries: 0, failure: null };

/** A running live session. */
export class LiveSession {
  private latest: LiveSessionStatus = emptyStatus;
  private readonly pending = new Map<number, { resolve: (answer: Answer) => void; reject: (error: Error) => void }>();
  private seq = 0;
  private failure: string | null = null;
  private stopped: Promise<void> | null = null;

  private constructor(
    private readonly worker: Worker,
    private readonly options: LiveSessionOptions,
  ) {
    worker.on('message', (reply: LiveReply) => this.receive(reply));
    worker.on('error', (error) => this.fail(`the live worker crashed: ${error.message}`));
    worker.on('exit', (code) => {
      if (!this.stopped) this.fail(`the live worker exited unexpectedly (code ${code})`);
    });
  }

  /** Start the worker, open the case and bring scoring to the present (replaying the latest run). */
  static async start(options: LiveSessionOptions): Promise<LiveSession> {
    const session = new LiveSession(startEngineWorker('live-worker', { maxOldGenerationSizeMb: 2048, maxYoungGenerationSizeMb: 64 }), options);
    try {
      await session.ask({ type: 'start', options: { casePath: options.casePath, actor: options.actor, timeZone: options.timeZone, year: options.year, channels: options.channels, flushMs: options.flushMs } });
    } catch (error) {
      session.stopped = session.worker.terminate().then(() => undefined);
      await session.stopped;
      throw error;
    }
    return session;
  }

  /** Start a listener; rejects with a clear message (port in use, unreadable file). */
  async addListener(config: LiveListenerConfig): Promise<LiveListenerStatus> {
    const answer = await this.ask({ type: 'addListener', config });
    if (answer.type !== 'listenerAdded') throw new Error(`unexpected answer '${answer.type}' to addListener`);
    return answer.listener;
  }

  /** Stop a listener after storing what it queued. */
  async removeListener(id: number): Promise<void> {
    await this.ask({ type: 'removeListener', id });
  }

  /** The latest status the worker sent. */
  status(): LiveSessionStatus {
    return this.failure ? { ...this.latest, failure: this.failure } : this.latest;
  }

  /** Make the worker read the case's settings again (policy, channels, threshold). */
  reloadSettings(): void {
    this.ask({ type: 'reloadSettings' }).catch((error: unknown) => this.options.onError?.((error as Error).message));
  }

  /** Stop listening, store and score what was queued, finish deliveries, end the worker. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      if (!this.failure) await this.ask({ type: 'stop' }).catch((error: unknown) => this.options.onError?.((error as Error).message));
      await this.worker.terminate();
    })();
    return this.stopped;
  }

  private ask(request: DistributiveOmit<LiveRequest, 'seq'>): Promise<Answer> {
    if (this.failure) return Promise.reject(new Error(this.failure));
    const seq = ++this.seq;
    return new Promise<Answer>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.worker.postMessage({ ...request, seq } as LiveRequest);
    });
  }

  private receive(reply: LiveReply): void {
    if (reply.type === 'status') {
      this.latest = reply.status;
      this.options.onStatus?.(this.status());
      return;
    }
    if (reply.type === 'alert') return this.options.onAlert?.(reply.alert);
    if (reply.type === 'problem') return this.options.onError?.(reply.message);
    const waiter = this.pending.get(reply.seq);
    if (!waiter) return;
    this.pending.delete(reply.seq);
    if (reply.type === 'error') waiter.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    else waiter.resolve(reply);
  }

  private fail(message: string): void {
    if (this.failure) return;
    this.failure = message;
    for (const waiter of this.pending.values()) waiter.reject(new Error(message));
    this.pending.clear();
    this.options.onError?.(message);
    this.options.onStatus?.(this.status());
  }
}

/** Omit over each member of a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
