import { ApiError, type DemoStatus, type LiveStatus, type RaisedAlert, type Settings, type VigilApi, type VigilEvent } from '../../../src-shared/api.js';
import { runDemo } from '../demo/index.js';
import { LiveSession, type LiveAlert, type LiveSessionStatus } from '../live/live-session.js';

/** The contract methods over live collection and the trainer demo. */
export type LiveMethods = Pick<VigilApi, 'liveStatus' | 'startLive' | 'stopLive' | 'startDemo' | 'stopDemo'>;

/** What the live methods share with the service. */
export interface LiveContext {
  path: string;
  actor: string;
  emit(event: VigilEvent): void;
  settings(): Settings;
  /** Called when live events were stored (the cached counts are stale). */
  changed(): void;
}

/** Live methods plus what the service does with them on its own. */
export interface LiveControl extends LiveMethods {
  /** The settings changed: the worker reads its policy, channels and allow-list again. */
  reloadSettings(): void;
  /** Stop the demo and the listeners, store and score what they queued. */
  dispose(): Promise<void>;
}

const idle: LiveSessionStatus = { listeners: [], scoring: { runId: null, reason: 'not listening' }, alerts: 0, recentRate: [0, 0, 0, 0, 0], deliveries: 0, failure: null };

/**
 * Live collection for one case: the first listener starts a live session (a worker that stores, scores
 * and alerts), which then runs until the case closes. Its status is pushed about once a second; each
 * alert is pushed as it fires (the desktop shows a notification when the policy says to notify).
 */
export function createLiveControl({ path, actor, emit, settings, changed }: LiveContext): LiveControl {
  let session: Promise<LiveSession> | null = null;
  let demo: { status: DemoStatus; controller: AbortController; done: Promise<void> } | null = null;
  let stored = 0;
  let latest: LiveSessionStatus | null = null;

  const status = (): LiveStatus => {
    const current = session ? (latest ?? idle) : idle;
    return { ...current, listeners: current.listeners.map((listener) => ({ ...listener })), demo: demo ? { ...demo.status } : null };
  };
  const push = (): void => emit({ type: 'liveStatus', status: status() });

  const started = (): Promise<LiveSession> => {
    session ??= LiveSession.start({
      casePath: path,
      actor,
      timeZone: settings().importTimeZone,
      onStatus(next) {
        latest = next;
        const total = next.listeners.reduce((sum, listener) => sum + listener.stored, 0);
        if (total !== stored) {
          stored = total;
          changed();
        }
        push();
      },
      onAlert: (alert) => emit({ type: 'alertRaised', alert: raisedAlert(alert, settings().alertChannels.desktop) }),
      onError: (message) => process.stderr.write(`live: ${message}\n`),
    }).catch((error: unknown) => {
      session = null;
      throw new ApiError('NotAvailable', `cannot start live collection: ${(error as Error).message}`);
    });
    return session;
  };

  const listener = (id: number) => {
    const found = status().listeners.find((candidate) => candidate.id === id);
    if (!found) throw new ApiError('NotFound', `no live listener #${id} is running`);
    return found;
  };

  return {
    liveStatus: async () => status(),
    async startLive(config) {
      const live = await started();
      try {
        const added = await live.addListener(config);
        latest = { ...(latest ?? live.status()), listeners: [...(latest ?? live.status()).listeners.filter((item) => item.id !== added.id), added] };
      } catch (error) {
        throw new ApiError('ValidationError', (error as Error).message);
      }
      push();
      return status();
    },
    async stopLive(id) {
      listener(id);
      const live = await started();
      await live.removeListener(id);
      if (latest) latest = { ...latest, listeners: latest.listeners.filter((item) => item.id !== id) };
      push();
      return status();
    },
    async startDemo(request) {
      if (demo?.status.running) throw new ApiError('Busy', 'A demo is already playing; stop it first.');
      const target = listener(request.listenerId);
      if (target.kind === 'file-tail') throw new ApiError('ValidationError', 'a demo plays into a syslog listener (UDP or TCP), not a followed file');
      const [host, port] = splitAddress(target.address);
      const controller = new AbortController();
      const state: DemoStatus = { scenario: request.scenario, phase: 'starting', expect: '', sent: 0, total: 0, running: true, error: null };
      let lastPush = 0;
      const done = runDemo({
        scenario: request.scenario,
        target: `${target.kind === 'syslog-udp' ? 'udp' : 'tcp'}://${host}:${port}`,
        speed: request.speed,
        signal: controller.signal,
        onPlan: (plan) => {
          state.total = plan.items.length;
        },
        onPhase: (phase) => {
          state.phase = phase.name;
          state.expect = phase.expect;
          push();
        },
        onProgress: (progress) => {
          state.sent = progress.sent;
          if (Date.now() - lastPush > 500) {
            lastPush = Date.now();
            push();
          }
        },
      }).then(
        (result) => {
          state.error = result.cancelled ? 'stopped' : null;
        },
        (error: unknown) => {
          state.error = (error as Error).message;
        },
      ).finally(() => {
        state.running = false;
        push();
      });
      demo = { status: state, controller, done };
      push();
      return status();
    },
    async stopDemo() {
      demo?.controller.abort();
      await demo?.done;
      return status();
    },
    reloadSettings() {
      void session?.then((live) => live.reloadSettings()).catch(() => undefined);
    },
    async dispose() {
      demo?.controller.abort();
      await demo?.done;
      const live = await session?.catch(() => null);
      await live?.stop();
    },
  };
}

/** "127.0.0.1:5514" or "[::1]:5514" → a host to send to (a wildcard bind is reached on loopback) and the port. */
function splitAddress(address: string): [string, number] {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(address);
  if (!match) throw new ApiError('ValidationError', `cannot send to the listener at ${address}`);
  const host = match[1] ?? match[2];
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : match[1] ? `[${host}]` : host;
  return [reachable, Number(match[3])];
}

/** A worker's alert as the UI receives it; people are notified only when the policy says so and the desktop channel is on. */
function raisedAlert(alert: LiveAlert, desktop: boolean): RaisedAlert {
  return {
    eventId: alert.eventId,
    incidentId: alert.incidentId,
    time: alert.time,
    user: alert.user,
    ip: alert.ip,
    country: alert.country,
    city: alert.city,
    risk: alert.risk,
    level: alert.level as RaisedAlert['level'],
    decision: alert.decision as RaisedAlert['decision'],
    reasons: alert.reasons,
    lockedUntil: alert.lockedUntil,
    notify: alert.notify && desktop,
  };
}
