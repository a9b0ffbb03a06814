/**
 * A way to send an alert out of the application. `send` resolves once the receiving side accepted the
 * alert and rejects otherwise; delivery (retries, audit) is the caller's business.
 */
import type { AlertMessage } from '../alert-message.js';

/** An alert channel (e-mail, webhook). */
export interface AlertChannel {
  readonly kind: 'email' | 'webhook';
  /** Where it sends, for the audit trail, without secrets ("smtp://mail.example:587 → soc@example"). */
  readonly name: string;
  send(alert: AlertMessage): Promise<void>;
  /** Release connections. */
  close(): void;
}

/** A failure that trying again cannot fix (a rejected address, an HTTP 4xx): delivery stops retrying. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}
