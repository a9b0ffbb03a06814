/**
 * Delivering an alert through a channel: a few attempts with exponential back-off, each attempt's
 * outcome written to the case's audit trail. It never throws: a mail server that is down costs
 * retries and ends in a recorded failure that carries the whole alert, so the alert is not lost.
 */
import { recordAudit } from '../store/audit.js';
import type { CaseDatabase } from '../store/database.js';
import type { AlertMessage } from './alert-message.js';
import { PermanentDeliveryError, type AlertChannel } from './channels/channel.js';

export type { AlertMessage } from './alert-message.js';

/** How hard to try. */
export interface DeliveryOptions {
  /** Attempts in all, the first included. Default 4. */
  attempts?: number;
  /** Wait before the second attempt; it doubles for each one after. Default 2 s. */
  baseDelayMs?: number;
  /** Longest wait between attempts. Default 60 s. */
  maxDelayMs?: number;
  /** Longest an attempt may take before it counts as failed (channels have their own, shorter limits). Default 60 s. */
  attemptTimeoutMs?: number;
  /** How to wait between attempts; tests pass one that returns at once. */
  sleep?: (milliseconds: number) => Promise<void>;
  /** Actor of the audit entries. Default 'system'. */
  actor?: string;
}

/** What became of a delivery. */
export interface DeliveryResult {
  delivered: boolean;
  attempts: number;
  /** The last error's message, null when delivered. */
  error: string | null;
  /** False when the audit trail could not be written (the case is closed or read-only). */
  audited: boolean;
}

/** The audit action of every delivery attempt. */
export const deliveryAuditAction = 'alert.delivery';

/** Deliver `alert` through `channel`, retrying with back-off; resolves with the outcome, never rejects. */
export async function deliverAlert(db: CaseDatabase, channel: AlertChannel, alert: AlertMessage, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const attempts = Math.max(1, options.attempts ?? 4);
  const sleep = options.sleep ?? ((milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds)));
  let audited = true;
  const audit = (detail: object): void => {
    try {
      recordAudit(db, options.actor ?? 'system', deliveryAuditAction, { alertId: alert.id, channel: channel.kind, target: channel.name, ...detail });
    } catch {
      audited = false;
    }
  };
  let error = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await withTimeout(channel.send(alert), options.attemptTimeoutMs ?? 60_000);
      audit({ attempt, outcome: 'delivered' });
      return { delivered: true, attempts: attempt, error: null, audited };
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
      const permanent = caught instanceof PermanentDeliveryError;
      if (permanent || attempt === attempts) {
        // The final record carries the alert itself: whoever reads the audit can still act on it.
        audit({ attempt, outcome: 'failed', error, permanent, alert });
        return { delivered: false, attempts: attempt, error, audited };
      }
      const delayMs = Math.min(options.maxDelayMs ?? 60_000, (options.baseDelayMs ?? 2000) * 2 ** (attempt - 1));
      audit({ attempt, outcome: 'retrying', error, delayMs });
      await sleep(delayMs);
    }
  }
  return { delivered: false, attempts, error, audited };
}

/** `promise`, or a rejection after `milliseconds` (a channel that hangs must not hang delivery). */
function withTimeout<T>(promise: Promise<T>, milliseconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no outcome within ${milliseconds} ms`)), milliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
