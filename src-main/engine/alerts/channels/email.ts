/**
 * Alerts by e-mail over SMTP (nodemailer): one plain-text message per alert, to a fixed list of
 * recipients. Secrets (the password) never reach the channel's name or the audit trail.
 */
import nodemailer from 'nodemailer';
import { alertSubject, alertText, type AlertMessage } from '../alert-message.js';
import { PermanentDeliveryError, type AlertChannel } from './channel.js';

/** Where and how to send mail. */
export interface EmailChannelOptions {
  host: string;
  port: number;
  /** TLS from the first byte (usually port 465); otherwise STARTTLS is used when the server offers it. */
  secure?: boolean;
  /** Refuse to send unless the connection is encrypted (STARTTLS required). */
  requireTls?: boolean;
  auth?: { user: string; pass: string };
  from: string;
  to: string | string[];
  /** Limit on connecting, the greeting and each reply. Default 10 s. */
  timeoutMs?: number;
}

/** An SMTP error as nodemailer reports it. */
interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
}

/** An e-mail channel. */
export function createEmailChannel(options: EmailChannelOptions): AlertChannel {
  const timeout = options.timeoutMs ?? 10_000;
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: options.secure ?? false,
    requireTLS: options.requireTls ?? false,
    auth: options.auth,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  const recipients = Array.isArray(options.to) ? options.to : [options.to];
  return {
    kind: 'email',
    name: `smtp${options.secure ? 's' : ''}://${options.host}:${options.port} → ${recipients.join(', ')}`,
    async send(alert: AlertMessage): Promise<void> {
      try {
        await transport.sendMail({ from: options.from, to: recipients, subject: alertSubject(alert), text: alertText(alert) });
      } catch (error) {
        throw classify(error as SmtpError);
      }
    },
    close(): void {
      transport.close();
    },
  };
}

/** Rejected credentials and 5xx replies (no such mailbox, policy) do not improve with retries. */
function classify(error: SmtpError): Error {
  const permanent = error.code === 'EAUTH' || error.code === 'EENVELOPE' || (error.responseCode !== undefined && error.responseCode >= 500);
  if (!permanent) return error;
  const wrapped = new PermanentDeliveryError(error.message);
  wrapped.cause = error;
  return wrapped;
}
