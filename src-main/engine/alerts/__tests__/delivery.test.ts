import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../store/audit.js';
import { openCase, type CaseDatabase } from '../../store/database.js';
import { createEmailChannel } from '../channels/email.js';
import { createWebhookChannel, type WebhookBody } from '../channels/webhook.js';
import { deliverAlert, deliveryAuditAction, type AlertMessage } from '../delivery.js';

const alert: AlertMessage = {
  id: 'event-4711',
  time: Date.UTC(2026, 2, 1, 10, 0, 2),
  user: 'alice',
  ip: '203.0.113.9',
  risk: 87.4,
  level: 'high',
  decision: 'block',
  reasons: ['6,210 km in 0.8 h = 7,760 km/h, Oslo → Chicago', 'new device for alice: Chrome · Windows · desktop'],
  place: 'Chicago, US',
};

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function temporaryCase(): CaseDatabase {
  const db = openCase(join(mkdtempSync(join(tmpdir(), 'vigil-alerts-')), 'case.vigil'));
  cleanups.push(() => void db.close());
  return db;
}

function deliveries(db: CaseDatabase): Record<string, unknown>[] {
  return listAudit(db)
    .filter((entry) => entry.action === deliveryAuditAction)
    .reverse()
    .map((entry) => JSON.parse(entry.detail) as Record<string, unknown>);
}

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Waits recorded instead of slept. */
function fakeSleep(): { sleep: (milliseconds: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (milliseconds) => void waits.push(milliseconds) };
}

/** A real SMTP server on 127.0.0.1:0 that keeps each message's raw text. */
async function startSmtpServer(): Promise<{ port: number; messages: string[] }> {
  const messages: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { port: (server.server.address() as AddressInfo).port, messages };
}

/** Quoted-printable body text as it was written. */
function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

describe('e-mail alerts', () => {
  it('delivers to a real SMTP server with the alert in subject and body, and audits it', async () => {
    const db = temporaryCase();
    const smtp = await startSmtpServer();
    const channel = createEmailChannel({ host: '127.0.0.1', port: smtp.port, from: 'vigil@example.test', to: ['soc@example.test'] });
    cleanups.push(() => channel.close());
    const result = await deliverAlert(db, channel, alert);
    expect(result).toEqual({ delivered: true, attempts: 1, error: null, audited: true });
    expect(smtp.messages).toHaveLength(1);
    const [head, ...body] = smtp.messages[0].split(/\r?\n\r?\n/);
    expect(head).toContain('Subject: [Vigil] high risk 87 - alice from 203.0.113.9 (block)');
    expect(head).toContain('To: soc@example.test');
    const text = decodeQuotedPrintable(body.join('\n\n'));
    for (const fact of ['Risk: 87/100 (high), decision: block', 'User: alice', 'Address: 203.0.113.9', 'Place: Chicago, US', 'Time: 2026-03-01T10:00:02.000Z', '- 6,210 km in 0.8 h = 7,760 km/h, Oslo → Chicago']) {
      expect(text).toContain(fact);
    }
    expect(deliveries(db)).toEqual([{ alertId: 'event-4711', channel: 'email', target: `smtp://127.0.0.1:${smtp.port} → soc@example.test`, attempt: 1, outcome: 'delivered' }]);
  });

  it('with the server down, retries with back-off, then records the failure with the alert, without throwing', async () => {
    const db = temporaryCase();
    const port = await closedPort();
    const channel = createEmailChannel({ host: '127.0.0.1', port, from: 'vigil@example.test', to: 'soc@example.test', timeoutMs: 2000 });
    cleanups.push(() => channel.close());
    const clock = fakeSleep();
    const result = await deliverAlert(db, channel, alert, { attempts: 3, baseDelayMs: 100, sleep: clock.sleep });
    expect(result).toMatchObject({ delivered: false, attempts: 3, audited: true });
    expect(result.error).toMatch(/ECONNREFUSED|connect/i);
    expect(clock.waits).toEqual([100, 200]);
    const records = deliveries(db);
    expect(records.map((record) => [record.attempt, record.outcome])).toEqual([
      [1, 'retrying'],
      [2, 'retrying'],
      [3, 'failed'],
    ]);
    expect(records[2]).toMatchObject({ permanent: false, alert });
  });
});

describe('webhook alerts', () => {
  /** A real HTTP server on 127.0.0.1:0 answering with the given statuses in turn. */
  async function startReceiver(statuses: number[]): Promise<{ url: string; bodies: WebhookBody[]; requests: IncomingMessage[] }> {
    const bodies: WebhookBody[] = [];
    const requests: IncomingMessage[] = [];
    let call = 0;
    const server: Server = createHttpServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        requests.push(request);
        bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as WebhookBody);
        response.statusCode = statuses[Math.min(call++, statuses.length - 1)];
        response.end(response.statusCode === 200 ? 'ok' : 'busy');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/vigil?token=secret`, bodies, requests };
  }

  it('posts JSON with a Slack text and the alert fields; a 500 is retried, then delivered', async () => {
    const db = temporaryCase();
    const receiver = await startReceiver([500, 200]);
    const channel = createWebhookChannel({ url: receiver.url, headers: { authorization: 'Bearer secret' } });
    const clock = fakeSleep();
    const result = await deliverAlert(db, channel, alert, { sleep: clock.sleep, baseDelayMs: 50 });
    expect(result).toEqual({ delivered: true, attempts: 2, error: null, audited: true });
    expect(clock.waits).toEqual([50]);
    expect(receiver.bodies).toHaveLength(2);
    expect(receiver.requests[0].method).toBe('POST');
    expect(receiver.requests[0].headers['content-type']).toBe('application/json; charset=utf-8');
    expect(receiver.requests[0].headers.authorization).toBe('Bearer secret');
    expect(receiver.bodies[1].text).toContain('*[Vigil] high risk 87 - alice from 203.0.113.9 (block)*');
    expect(receiver.bodies[1].text).toContain('Oslo → Chicago');
    expect(receiver.bodies[1].alert).toEqual(alert);
    const records = deliveries(db);
    expect(records).toMatchObject([
      { attempt: 1, outcome: 'retrying', error: 'HTTP 500: busy', delayMs: 50 },
      { attempt: 2, outcome: 'delivered' },
    ]);
    // The token in the address stays out of the audit trail.
    expect(JSON.stringify(records)).not.toContain('secret');
  });

  it('does not retry a 4xx: the request itself is wrong', async () => {
    const db = temporaryCase();
    const receiver = await startReceiver([404]);
    const result = await deliverAlert(db, createWebhookChannel({ url: receiver.url }), alert, { sleep: fakeSleep().sleep });
    expect(result).toMatchObject({ delivered: false, attempts: 1, error: 'HTTP 404: busy' });
    expect(deliveries(db)).toMatchObject([{ attempt: 1, outcome: 'failed', permanent: true }]);
  });

  it('with the receiver down, retries, then records the failure without throwing', async () => {
    const db = temporaryCase();
    const port = await closedPort();
    const clock = fakeSleep();
    const result = await deliverAlert(db, createWebhookChannel({ url: `http://127.0.0.1:${port}/hook`, timeoutMs: 2000 }), alert, { attempts: 4, baseDelayMs: 10, maxDelayMs: 25, sleep: clock.sleep });
    expect(result).toMatchObject({ delivered: false, attempts: 4 });
    expect(result.error).toMatch(/ECONNREFUSED/);
    expect(clock.waits).toEqual([10, 20, 25]);
    expect(deliveries(db).map((record) => record.outcome)).toEqual(['retrying', 'retrying', 'retrying', 'failed']);
  });

  it('records a failure even when the case cannot be written, and still does not throw', async () => {
    const db = temporaryCase();
    db.close();
    const port = await closedPort();
    const result = await deliverAlert(db, createWebhookChannel({ url: `http://127.0.0.1:${port}/hook` }), alert, { attempts: 1 });
    expect(result).toMatchObject({ delivered: false, attempts: 1, audited: false });
  });
});
