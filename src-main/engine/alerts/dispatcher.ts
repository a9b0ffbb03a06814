/**
 * Sends alerts through the e-mail and webhook channels without holding up scoring: each channel has its
 * own queue worked one alert at a time (a slow mail server delays only mail), each alert delivered with
 * retries and back-off and every attempt audited (`deliverAlert`). A queue that overflows (a receiver
 * down during a storm) records the alerts it refuses in the audit trail, so none vanishes unseen.
 */
import { recordAudit } from '../store/audit.js';
import type { CaseDatabase } from '../store/database.js';
import type { AlertMessage } from './alert-message.js';
import type { AlertChannel } from './channels/channel.js';
import { deliverAlert, deliveryAuditAction, type DeliveryOptions, type DeliveryResult } from './delivery.js';

/** How deliveries are queued. */
export interface DispatcherOptions extends DeliveryOptions {
  /** Most alerts waiting per channel. Default 1,000. */
  maxPending?: number;
  /** Called after each delivery ends (delivered or failed). */
  onResult?: (channel: AlertChannel, alert: AlertMessage, result: DeliveryResult) => void;
}

interface ChannelQueue {
  channel: AlertChannel;
  waiting: AlertMessage[];
  running: Promise<void> | null;
}

/** Queues of alert deliveries, one per channel. */
export class AlertDispatcher {
  private readonly queues: ChannelQueue[];
  private closed = false;

  constructor(
    private readonly db: CaseDatabase,
    channels: readonly AlertChannel[],
    private readonly options: DispatcherOptions = {},
  ) {
    this.queues = channels.map((channel) => ({ channel, waiting: [], running: null }));
  }

  /** The channels' names. */
  get channels(): string[] {
    return this.queues.map((queue) => `${queue.channel.kind} ${queue.channel.name}`);
  }

  /** Alerts waiting or being delivered, over all channels (the one under way stays first in its queue). */
  get pending(): number {
    return this.queues.reduce((sum, queue) => sum + queue.waiting.length, 0);
  }

  /** Queue an alert for every channel; returns at once. */
  send(alert: AlertMessage): void {
    if (this.closed) return;
    for (const queue of this.queues) {
      if (queue.waiting.length >= (this.options.maxPending ?? 1000)) {
        this.auditRefusal(queue.channel, alert);
        continue;
      }
      queue.waiting.push(alert);
      queue.running ??= this.work(queue);
    }
  }

  /** Stop taking alerts; wait up to `timeoutMs` for the queues to empty, then close the channels. Returns how many deliveries were left undone (audited). */
  async close(timeoutMs = 10_000): Promise<number> {
    this.closed = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.all(this.queues.map((queue) => queue.running)), timeout]);
    clearTimeout(timer);
    let left = 0;
    for (const queue of this.queues) {
      for (const alert of queue.waiting.splice(0)) {
        this.auditRefusal(queue.channel, alert, 'not delivered before the session stopped');
        left++;
      }
      queue.channel.close();
    }
    return left;
  }

  private async work(queue: ChannelQueue): Promise<void> {
    while (queue.waiting.length > 0) {
      const alert = queue.waiting[0];
      const result = await deliverAlert(this.db, queue.channel, alert, this.options);
      // Removed after the delivery so `close` does not record an alert under way as undone.
      if (queue.waiting[0] === alert) queue.waiting.shift();
      this.options.onResult?.(queue.channel, alert, result);
    }
    queue.running = null;
  }

  private auditRefusal(channel: AlertChannel, alert: AlertMessage, error = 'delivery queue full'): void {
    try {
      recordAudit(this.db, this.options.actor ?? 'system', deliveryAuditAction, { alertId: alert.id, channel: channel.kind, target: channel.name, attempt: 0, outcome: 'failed', error, permanent: true, alert });
    } catch {
      // The case is closed: nothing left to record into.
    }
  }
}
