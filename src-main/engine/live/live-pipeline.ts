/**
 * The whole live path over one case, run inside the live worker: listeners → bounded queues → stored in
 * small transactions → scored with the latest run on the scorer thread (lockout applied, score rows
 * stored and alerts recorded in the case's incidents there) → alerts under the case's policy → e-mail and
 * webhook deliveries queued, the alert handed to the caller (the desktop channel). Everything it does is
 * visible in `status()`.
 */
import type { AlertChannels, Settings } from '../../../src-shared/api/settings.js';
import type { AlertMessage } from '../alerts/alert-message.js';
import { channelsFromSettings } from '../alerts/channels/from-settings.js';
import { AlertDispatcher } from '../alerts/dispatcher.js';
import { NotificationGate } from '../alerts/notification-gate.js';
import { isPolicyAlert } from '../alerts/policy.js';
import { inQuietHours } from '../alerts/quiet-hours.js';
import type { IncidentSettings } from '../alerts/run-incidents.js';
import type { DeliveryOptions } from '../alerts/delivery.js';
import type { LocationSources } from '../enrich/enricher.js';
import { tuneForLiveWrites } from '../store/checkpoint.js';
import { openCase, type CaseDatabase } from '../store/database.js';
import { readSettings } from '../store/queries/settings.js';
import { WriteTurn } from '../store/write-turn.js';
import { LiveIngest } from './live-ingest.js';
import type { LiveInput } from './live-input.js';
import { startInput } from './live-listeners.js';
import { LiveScoring, type ScoredBatch } from './live-scoring.js';
import type { LiveAlert, LiveListenerConfig, LiveListenerStatus, LiveLogin, LiveSessionStatus } from './live-types.js';
import { RateCounter } from './rate-counter.js';
import { WalCheckpointer } from './wal-checkpointer.js';

/** What a pipeline needs. */
export interface LivePipelineOptions {
  casePath: string;
  /** Who the audit trail names for this session's actions. */
  actor: string;
  /** IANA zone and year for syslog timestamps without them. */
  timeZone?: string;
  year?: number;
  onAlert: (alert: LiveAlert) => void;
  onError: (message: string) => void;
  /** Channels for this session in place of the case's (the CLI's --webhook and --email-to). */
  channels?: AlertChannels;
  /** Longest wait before queued messages are stored. Default 20 ms (alert latency). */
  flushMs?: number;
  /** How often to look for a newer trained run. Default 2 s. */
  runCheckMs?: number;
  /** Retries of deliveries (tests make them instant). */
  delivery?: DeliveryOptions;
  locations?: LocationSources;
  /** Clock for quiet hours. Default Date.now. */
  now?: () => number;
}

/** One listener of the session. */
interface ListenerRecord {
  kind: LiveListenerConfig['kind'];
  input: LiveInput;
  address: string;
  startedAt: number;
  scored: number;
  lastEventAt: number | null;
}

/** The live path over one case, on one connection of its own. */
export class LivePipeline {
  private readonly db: CaseDatabase;
  private readonly ingest: LiveIngest;
  private readonly scoring: LiveScoring;
  private readonly listeners = new Map<number, ListenerRecord>();
  private readonly rate = new RateCounter(5);
  private readonly gate = new NotificationGate();
  /** Turns at writing the case, shared with the scorer thread. */
  private readonly turn = new WriteTurn();
  private settings: Settings;
  private dispatcher: AlertDispatcher;
  private alerts = 0;
  private readonly runTimer: NodeJS.Timeout;
  private checkpointer: WalCheckpointer | null = null;
  private stopped = false;

  private constructor(private readonly options: LivePipelineOptions) {
    this.db = openCase(options.casePath);
    tuneForLiveWrites(this.db, 256);
    this.settings = readSettings(this.db);
    this.dispatcher = this.createDispatcher();
    this.scoring = new LiveScoring({
      db: this.db,
      casePath: options.casePath,
      actor: options.actor,
      onScored: (scored) => this.handleScored(scored),
      onError: options.onError,
      turn: this.turn,
      incidentSettings: () => this.incidentSettings(),
    });
    this.ingest = new LiveIngest(this.db, {
      timeZone: options.timeZone,
      year: options.year,
      actor: options.actor,
      locations: options.locations,
      flushMs: options.flushMs ?? 20,
      // A backlog is stored in large transactions: a commit writes every index page its rows touched,
      // and the user, address and risk indexes take rows at random places, so the more rows share a commit
      // the fewer pages each costs (10,000 against 4,000: 5–8% more messages/s at 20,000/s).
      batchSize: 10_000,
      turn: this.turn,
      onEvents: (logins, sourceId) => this.handleStored(logins, sourceId),
      onError: (error) => options.onError(`cannot store live messages: ${error.message}`),
    });
    this.runTimer = setInterval(() => void this.scoring.refresh().catch((error: unknown) => options.onError(String(error))), options.runCheckMs ?? 2000);
  }

  /**
   * Open the case and start bringing scoring to the present: the replay of the latest run runs in the
   * background (the status says so), listeners can be added at once and their events wait for it.
   */
  static async start(options: LivePipelineOptions): Promise<LivePipeline> {
    const pipeline = new LivePipeline(options);
    void pipeline.scoring.refresh().catch((error: unknown) => options.onError(`cannot load the trained run: ${(error as Error).message}`));
    // Without the checkpoint thread the live connection checkpoints everything itself, as it always does once its WAL is large.
    pipeline.checkpointer = await WalCheckpointer.start(options.casePath, options.onError).catch((error: unknown) => {
      options.onError(`cannot start the checkpoint thread: ${(error as Error).message}`);
      return null;
    });
    return pipeline;
  }

  /** Start a listener; rejects with a clear message when its address or file cannot be used. */
  async addListener(config: LiveListenerConfig): Promise<LiveListenerStatus> {
    if (this.stopped) throw new Error('the live session has stopped');
    const { input, address } = await startInput(config);
    const id = this.ingest.add(input);
    this.listeners.set(id, { kind: config.kind, input, address, startedAt: Date.now(), scored: 0, lastEventAt: null });
    return this.listenerStatus(id);
  }

  /** Stop a listener, storing and scoring what it queued. */
  async removeListener(id: number): Promise<void> {
    if (!this.listeners.has(id)) throw new Error(`no listener #${id} in this session`);
    await this.ingest.remove(id);
    this.listeners.delete(id);
  }

  /** Counters of every listener, the scoring run and the alert count. */
  status(): LiveSessionStatus {
    return {
      listeners: [...this.listeners.keys()].map((id) => this.listenerStatus(id)),
      scoring: this.scoring.status(),
      alerts: this.alerts,
      recentRate: this.rate.perMinute(Date.now()),
      deliveries: this.dispatcher.pending,
      failure: null,
    };
  }

  /** Read the case's settings again (policy, channels, threshold) after a change. */
  reloadSettings(): void {
    const previous = this.settings;
    this.settings = readSettings(this.db);
    if (!this.options.channels && JSON.stringify(previous.alertChannels) !== JSON.stringify(this.settings.alertChannels)) {
      const old = this.dispatcher;
      this.dispatcher = this.createDispatcher();
      void old.close();
    }
    this.scoring.updateIncidentSettings(this.incidentSettings());
  }

  /** Look for a newer trained run now (also done every few seconds). */
  refreshRun(): Promise<void> {
    return this.scoring.refresh();
  }

  /** Close the listeners, store and score what they queued, finish deliveries (up to 10 s), close the case. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.runTimer);
    await this.ingest.stop();
    await this.scoring.close();
    await this.dispatcher.close();
    await this.checkpointer?.stop();
    this.db.close();
  }

  /** Which scores are alerts and how far apart an incident's alerts may be, under the case's settings. */
  private incidentSettings(): IncidentSettings {
    return { threshold: this.settings.challengeThreshold, windowMinutes: this.settings.alertPolicy.incidentWindowMinutes };
  }

  private listenerStatus(id: number): LiveListenerStatus {
    const record = this.listeners.get(id) as ListenerRecord;
    const counts = this.ingest.stats().sources[id] ?? { received: 0, stored: 0, rejected: 0, ignored: 0, dropped: 0, queueDepth: 0 };
    return { id, kind: record.kind, address: record.address, startedAt: record.startedAt, ...counts, kernelDrops: record.input.stats().kernelDrops, scored: record.scored, lastEventAt: record.lastEventAt };
  }

  private handleStored(logins: LiveLogin[], sourceId: number): void {
    const now = Date.now();
    this.rate.add(now, logins.length);
    const record = this.listeners.get(sourceId);
    if (record) record.lastEventAt = now;
    this.scoring.score(logins, sourceId);
  }

  private handleScored({ sourceId, count, alerts }: ScoredBatch): void {
    const record = this.listeners.get(sourceId);
    if (record) record.scored += count;
    const { challengeThreshold, alertPolicy } = this.settings;
    let quiet: boolean | null = null;
    for (const { login, verdict, placement } of alerts) {
      const { score, decision, reasons, lock } = verdict;
      if (!isPolicyAlert(alertPolicy, challengeThreshold, { risk: score.risk, level: score.level, user: login.user, reasons })) continue;
      quiet ??= inQuietHours(alertPolicy.quietHours, (this.options.now ?? Date.now)());
      const notify = this.gate.admit(placement?.incidentId ?? null, placement?.level ?? score.level, quiet);
      const alert: LiveAlert = {
        eventId: login.id,
        sourceId,
        time: login.time,
        receivedAt: login.receivedAt,
        user: login.user,
        ip: login.ip,
        country: login.country,
        city: login.city,
        risk: score.risk,
        level: score.level,
        decision,
        reasons: reasons.map((reason) => reason.reason),
        incidentId: placement?.incidentId ?? null,
        lockedUntil: lock?.until ?? null,
        lockStarted: lock?.started ?? false,
        notify,
      };
      this.alerts++;
      this.options.onAlert(alert);
      if (notify) this.dispatcher.send(alertMessage(alert));
    }
  }

  private createDispatcher(): AlertDispatcher {
    const channels = channelsFromSettings(this.options.channels ?? this.settings.alertChannels, this.options.onError);
    return new AlertDispatcher(this.db, channels, { actor: this.options.actor, ...this.options.delivery });
  }
}

/** A live alert as the e-mail and webhook channels send it. */
export function alertMessage(alert: LiveAlert): AlertMessage {
  const place = [alert.city, alert.country].filter((part) => part).join(', ') || null;
  return {
    id: alert.incidentId === null ? `event-${alert.eventId}` : `incident-${alert.incidentId}/event-${alert.eventId}`,
    time: alert.time,
    user: alert.user,
    ip: alert.ip,
    risk: alert.risk,
    level: alert.level as AlertMessage['level'],
    decision: alert.decision as AlertMessage['decision'],
    reasons: alert.reasons,
    place,
  };
}
