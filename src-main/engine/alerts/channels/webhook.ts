/**
 * Alerts by webhook: an HTTP(S) POST of JSON with a Slack-compatible `text` (Slack, Mattermost and
 * Teams' incoming webhooks show it) and the alert's fields for any other receiver.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { alertSubject, alertText, type AlertMessage } from '../alert-message.js';
import { PermanentDeliveryError, type AlertChannel } from './channel.js';

/** Where to post. */
export interface WebhookChannelOptions {
  /** http:// or https:// address of the receiver. */
  url: string;
  /** Extra headers (an authorisation token). Never written to the audit trail. */
  headers?: Record<string, string>;
  /** Limit on the whole request. Default 10 s. */
  timeoutMs?: number;
  /** `json` (the default): the text and the alert's fields; `slack`: only Slack's `{ text }`. */
  style?: 'json' | 'slack';
}

/** The JSON body a webhook receives. */
export interface WebhookBody {
  text: string;
  alert: AlertMessage;
}

/** Most response bytes read (the body is only drained, and kept for the error message). */
const responseKept = 512;

/** A webhook channel; throws at once for an address that is not http(s). */
export function createWebhookChannel(options: WebhookChannelOptions): AlertChannel {
  const url = new URL(options.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`a webhook needs an http or https address, not ${url.protocol}`);
  const timeout = options.timeoutMs ?? 10_000;
  // The name shows host and path only: a token in the query or user info stays out of the audit trail.
  const name = `${url.protocol}//${url.host}${url.pathname}`;
  return {
    kind: 'webhook',
    name,
    send(alert: AlertMessage): Promise<void> {
      const text = `*${alertSubject(alert)}*\n${alertText(alert)}`;
      const body: WebhookBody | { text: string } = options.style === 'slack' ? { text } : { text, alert };
      return post(url, JSON.stringify(body), options.headers ?? {}, timeout);
    },
    close(): void {},
  };
}

function post(url: URL, json: string, headers: Record<string, string>, timeout: number): Promise<void> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<void>((resolve, reject) => {
    const request = send(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) },
      timeout,
    });
    // The timeout option only covers idle sockets: bound the whole exchange too.
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${timeout} ms`)), timeout);
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeout} ms`)));
    request.on('close', () => clearTimeout(timer));
    request.on('error', reject);
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        if (text.length < responseKept) text += chunk.slice(0, responseKept - text.length);
      });
      response.on('error', reject);
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve();
        const message = `HTTP ${status}${text ? `: ${text.trim()}` : ''}`;
        // A 4xx other than timeout or rate limit means the request itself is wrong: retrying will not help.
        reject(status >= 400 && status < 500 && status !== 408 && status !== 429 ? new PermanentDeliveryError(message) : new Error(message));
      });
    });
    request.end(json);
  });
}
