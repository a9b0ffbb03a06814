import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../store/audit.js';
import { openCase } from '../../store/database.js';
import type { AlertMessage } from '../alert-message.js';
import { channelsFromSettings } from '../channels/from-settings.js';
import { deliveryAuditAction } from '../delivery.js';
import { AlertDispatcher } from '../dispatcher.js';

const alert: AlertMessage = { id: 'incident-3/event-41', time: Date.UTC(2026, 2, 1, 10, 0, 2), user: 'alice', ip: '203.0.113.9', risk: 81.5, level: 'high', decision: 'block', reasons: ['5 failed logins in 10 min'], place: 'Oslo, NO' };
const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** A webhook receiver that answers 503 to its first `failures` requests, then 200; keeps the bodies. */
async function receiver(failures: number): Promise<{ url: string; bodies: unknown[] }> {
  const bodies: unknown[] = [];
  let seen = 0;
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      bodies.push(JSON.parse(text));
      response.statusCode = seen++ < failures ? 503 : 200;
      response.end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies };
}

describe('AlertDispatcher', () => {
  it('delivers through every channel without blocking the caller, retrying with every attempt audited', async () => {
    const db = openCase(join(mkdtempSync(join(tmpdir(), 'vigil-dispatch-')), 'case.vigil'));
    const json = await receiver(1);
    const slack = await receiver(0);
    const channels = channelsFromSettings({ desktop: false, email: null, webhooks: [{ url: json.url, style: 'json' }, { url: slack.url, style: 'slack' }] });
    const dispatcher = new AlertDispatcher(db, channels, { actor: 'test', sleep: async () => {} });
    dispatcher.send(alert);
    // send returns before anything is delivered.
    expect(dispatcher.pending).toBe(2);
    expect(await dispatcher.close(5000)).toBe(0);
    expect(json.bodies).toHaveLength(2);
    expect(json.bodies[1]).toMatchObject({ alert: { id: 'incident-3/event-41', user: 'alice' }, text: expect.stringContaining('[Vigil] high risk 82 - alice') });
    expect(slack.bodies).toEqual([{ text: expect.stringContaining('5 failed logins in 10 min') }]);
    const audit = listAudit(db).filter((entry) => entry.action === deliveryAuditAction).map((entry) => JSON.parse(entry.detail) as { target: string; outcome: string });
    expect(audit.filter((entry) => entry.target.endsWith(new URL(json.url).host + '/hook')).map((entry) => entry.outcome).sort()).toEqual(['delivered', 'retrying']);
    db.close();
  });

  it('records alerts it cannot queue (a full queue) in the audit trail instead of losing them silently', async () => {
    const db = openCase(join(mkdtempSync(join(tmpdir(), 'vigil-dispatch-')), 'case.vigil'));
    const hook = await receiver(0);
    const dispatcher = new AlertDispatcher(db, channelsFromSettings({ desktop: false, email: null, webhooks: [{ url: hook.url, style: 'json' }] }), { maxPending: 1 });
    dispatcher.send(alert);
    dispatcher.send({ ...alert, id: 'event-42' });
    await dispatcher.close(5000);
    const refused = listAudit(db).map((entry) => JSON.parse(entry.detail) as { alertId: string; outcome: string; error?: string }).filter((entry) => entry.outcome === 'failed');
    expect(refused).toEqual([expect.objectContaining({ alertId: 'event-42', error: 'delivery queue full' })]);
    db.close();
  });
});
