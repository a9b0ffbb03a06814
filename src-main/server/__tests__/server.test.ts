import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { EventPage, VigilEvent } from '../../../src-shared/api.js';
import { createService, type CaseService } from '../../engine/service.js';
import { seedCase, type SeededCase } from '../../engine/store/queries/__tests__/seed.js';
import { startServer, type RunningServer } from '../server.js';

const token = 'test-token-0123456789abcdef';
let seeded: SeededCase;
let service: CaseService;
let server: RunningServer;
let rendererDir: string;

beforeEach(async () => {
  seeded = seedCase();
  seeded.add([
    { user: 'alice', ip: '192.0.2.1', time: 1000 },
    { user: 'bob', ip: '192.0.2.2', time: 2000, outcome: 'failure' },
    { user: 'alice', ip: '198.51.100.1', time: 3000 },
  ]);
  rendererDir = mkdtempSync(join(tmpdir(), 'vigil-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Vigil</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  service = createService({ db: seeded.db, path: seeded.path, mode: 'server', emit: (event) => server.broadcast(event) });
  server = await startServer({ api: service, host: '127.0.0.1', port: 0, token, rendererDir });
});

afterEach(async () => {
  await server.close();
  await service.dispose();
  seeded.remove();
  rmSync(rendererDir, { recursive: true, force: true });
});

function rawStatus(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port: server.port, path }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}

function rpc(method: string, args: unknown, headers: Record<string, string> = { Authorization: `Bearer ${token}` }): Promise<Response> {
  return fetch(`${server.url}api/rpc/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(args) });
}

describe('vigil serve', () => {
  it('refuses every API call without the token', async () => {
    const response = await rpc('caseInfo', [], {});
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { name: string } }).error.name).toBe('Unauthorized');
    expect((await rpc('caseInfo', [], { Authorization: 'Bearer wrong-token-0123456789abc' })).status).toBe(401);
    expect((await rpc('caseInfo', [], { Cookie: 'vigil_token=nope' })).status).toBe(401);
  });

  it('turns the printed link into an HttpOnly, SameSite=Strict cookie and drops the token from the address', async () => {
    expect(server.loginUrl).toBe(`${server.url}?token=${token}`);
    const login = await fetch(server.loginUrl, { redirect: 'manual' });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/');
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^vigil_token=test-token-0123456789abcdef;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const response = await rpc('caseInfo', [], { Cookie: cookie.split(';')[0] });
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as { result: { mode: string; counts: { events: number } } };
    expect(result).toMatchObject({ mode: 'server', counts: { events: 3 } });
    expect((await fetch(`${server.url}?token=wrong`, { redirect: 'manual' })).status).toBe(401);
  });

  it('validates arguments (400), names unknown methods (404) and requires JSON', async () => {
    const bad = await rpc('queryEvents', [{}, { after: null, limit: 0 }]);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { name: string; message: string } };
    expect(body.error.name).toBe('ValidationError');
    expect(body.error.message).toMatch(/queryEvents at argument 1\.limit/);
    expect((await rpc('queryEvents', [{ ip: 'not-an-ip' }, { after: null, limit: 10 }])).status).toBe(400);
    expect((await rpc('dropTables', [])).status).toBe(404);
    const form = await fetch(`${server.url}api/rpc/caseInfo`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain' }, body: '[]' });
    expect(form.status).toBe(400);
    expect((await rpc('openCase', ['/tmp/other.vigil'])).status).toBe(501);
  });

  it('answers a real query on a real case file', async () => {
    const response = await rpc('queryEvents', [{ user: 'alice', sort: 'asc' }, { after: null, limit: 1 }]);
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as { result: EventPage };
    expect(result.rows.map((row) => [row.user, row.ip, row.time])).toEqual([['alice', '192.0.2.1', 1000]]);
    expect(result.total).toEqual({ count: 2, exact: true });
    const next = (await (await rpc('queryEvents', [{ user: 'alice', sort: 'asc' }, { after: result.nextCursor, limit: 1 }])).json()) as { result: EventPage };
    expect(next.result.rows.map((row) => row.ip)).toEqual(['198.51.100.1']);
    expect(next.result.nextCursor).toBeNull();
  });

  it('pushes events over the WebSocket to authorised clients only', async () => {
    const refused = new WebSocket(`${server.url.replace('http', 'ws')}api/events`);
    const refusal = await new Promise<string>((resolve) => {
      refused.on('unexpected-response', (_request, response) => resolve(String(response.statusCode)));
      refused.on('open', () => resolve('open'));
    });
    expect(refusal).toBe('401');
    const foreign = new WebSocket(`${server.url.replace('http', 'ws')}api/events`, { headers: { Cookie: `vigil_token=${token}`, Origin: 'http://evil.example' } });
    expect(await new Promise((resolve) => foreign.on('unexpected-response', () => resolve('refused')).on('open', () => resolve('open')))).toBe('refused');

    const client = new WebSocket(`${server.url.replace('http', 'ws')}api/events`, { headers: { Cookie: `vigil_token=${token}` } });
    await new Promise((resolve) => client.on('open', resolve));
    const received = new Promise<VigilEvent>((resolve) => client.on('message', (data) => resolve(JSON.parse(String(data)) as VigilEvent)));
    const status = { listeners: [], scoring: { runId: null, reason: 'not listening' }, alerts: 0, recentRate: [0, 0, 0, 0, 0], deliveries: 0, failure: null, demo: null };
    server.broadcast({ type: 'liveStatus', status });
    expect(await received).toEqual({ type: 'liveStatus', status });
    client.close();
  });

  it('serves the built renderer with a CSP and nothing outside it', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(await page.text()).toMatch(/<title>Vigil/);
    expect((await fetch(`${server.url}assets/app.js`)).headers.get('content-type')).toMatch(/javascript/);
    // fetch() would normalise the dots away; a raw request sends them as an attacker would.
    for (const path of ['/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/../../../etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd']) {
      expect(await rawStatus(path), path).toBe(404);
    }
    expect((await fetch(`${server.url}missing.js`)).status).toBe(404);
  });
});
