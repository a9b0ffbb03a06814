import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../store/audit.js';
import { openCase, type CaseDatabase } from '../../store/database.js';
import { rawLine } from '../../store/raw-lines.js';
import { listRejects } from '../../store/rejects.js';
import { listSources } from '../../store/sources.js';
import { FileTail } from '../file-tail.js';
import { LiveIngest } from '../live-ingest.js';
import { startSyslogListener } from '../syslog-server.js';
import { connectTcp, sendDatagrams, waitFor, writeAndEnd } from './wait.js';

const open: { ingest: LiveIngest; db: CaseDatabase }[] = [];

afterEach(async () => {
  for (const { ingest, db } of open.splice(0)) {
    await ingest.stop();
    db.close();
  }
});

function temporaryCase(): CaseDatabase {
  return openCase(join(mkdtempSync(join(tmpdir(), 'vigil-live-')), 'case.vigil'));
}

function start(db: CaseDatabase, options: ConstructorParameters<typeof LiveIngest>[1] = {}): LiveIngest {
  const ingest = new LiveIngest(db, { year: 2026, flushMs: 10, ...options });
  open.push({ ingest, db });
  return ingest;
}

describe('LiveIngest', () => {
  it('stores OpenSSH lines sent over TCP as events with user and address, and rejects with reasons', async () => {
    const db = temporaryCase();
    const seen: [number, string, number][] = [];
    const ingest = start(db, { onEvents: (logins, source) => seen.push(...logins.map((login): [number, string, number] => [login.id, login.user, source])) });
    const listener = await startSyslogListener({ transport: 'tcp', host: '127.0.0.1', port: 0 });
    const sourceId = ingest.add(listener);
    const lines = [
      '<38>Mar  1 10:00:01 bastion sshd[101]: Failed password for root from 203.0.113.9 port 50022 ssh2',
      '<38>Mar  1 10:00:02 bastion sshd[102]: Accepted publickey for alice from 8.8.8.8 port 50100 ssh2: RSA SHA256:abc',
      '<86>1 2026-03-01T10:00:03.000Z bastion sshd 103 - - Failed password for invalid user admin from 198.51.100.4 port 4242 ssh2',
      '<30>Mar  1 10:00:04 bastion systemd[1]: Started Session 1 of user alice.',
      'this is not syslog at all',
    ];
    const client = await connectTcp(listener.address.port);
    await writeAndEnd(client, [...lines.map((line) => `${line}\n`), Buffer.from([0xc3, 0x28, 0x0a]), `${Buffer.byteLength(lines[0])} ${lines[0]}`]);
    await waitFor(() => ingest.stats().stored === 4 && ingest.stats().rejected === 2, 5000, 'events stored');

    const events = db.prepare('SELECT id, ts, user, outcome, ip, country, source_id, line FROM events ORDER BY id').all();
    expect(events).toMatchObject([
      { user: 'root', outcome: 0, ip: '203.0.113.9', ts: Date.UTC(2026, 2, 1, 10, 0, 1), source_id: sourceId, line: 1 },
      { user: 'alice', outcome: 1, ip: '8.8.8.8', country: 'US', line: 2 },
      { user: 'admin', outcome: 0, ip: '198.51.100.4', ts: Date.UTC(2026, 2, 1, 10, 0, 3), line: 3 },
      { user: 'root', outcome: 0, ip: '203.0.113.9', line: 7 },
    ]);
    // The detection hook receives the stored logins with their event ids.
    expect(seen).toEqual((events as { id: number; user: string }[]).map((event) => [event.id, event.user, sourceId]));
    expect(listRejects(db, sourceId).map((reject) => [reject.line, reject.reason, reject.raw])).toEqual([
      [5, 'not a syslog line', 'this is not syslog at all'],
      [6, 'invalid UTF-8', '\\xc3('],
    ]);
    expect(rawLine(db, sourceId, 2)).toBe(lines[1]);
    expect(rawLine(db, sourceId, 4)).toBe(lines[3]);
    expect(listSources(db)[0]).toMatchObject({ kind: 'live', name: listener.name, status: 'listening', format: 'syslog', events_imported: 4, rejected: 2, ignored: 1, lines_read: 7 });
    expect(ingest.stats()).toMatchObject({ received: 7, stored: 4, rejected: 2, ignored: 1, dropped: 0, queueDepth: 0 });

    await ingest.stop();
    expect(listSources(db)[0]).toMatchObject({ status: 'complete' });
    expect(listSources(db)[0].finished_at).not.toBeNull();
    const actions = listAudit(db).map((entry) => entry.action);
    expect(actions).toContain('live.start');
    expect(actions).toContain('live.stop');
  });

  it('keeps one source per listener and records UDP losses in the audit trail', async () => {
    const db = temporaryCase();
    const ingest = start(db, { locations: {}, flushMs: 60_000 });
    const udp = await startSyslogListener({ transport: 'udp', host: '127.0.0.1', port: 0, queueCapacity: 20 });
    const tcp = await startSyslogListener({ transport: 'tcp', host: '127.0.0.1', port: 0 });
    const udpSource = ingest.add(udp);
    const tcpSource = ingest.add(tcp);
    expect(udpSource).not.toBe(tcpSource);
    const line = (index: number): string => `<38>Mar  1 11:00:00 web sshd[${index}]: Failed password for user${index} from 192.0.2.${index % 250} port 22 ssh2`;
    // The flush interval is long, so the queue (20) overflows: the rest is dropped and counted.
    await sendDatagrams(udp.address.port, Array.from({ length: 100 }, (_, index) => line(index)));
    await waitFor(() => udp.stats().received + (udp.stats().kernelDrops ?? 0) >= 100, 5000, 'the datagrams');
    ingest.flush();
    const stats = ingest.stats();
    expect(stats.sources[udpSource]).toMatchObject({ stored: 20, queueDepth: 0 });
    expect(stats.sources[udpSource].dropped).toBe(stats.sources[udpSource].received - 20);
    await ingest.stop();
    const dropped = listAudit(db).filter((entry) => entry.action === 'live.dropped');
    expect(dropped.length).toBeGreaterThan(0);
    expect(JSON.parse(dropped[0].detail)).toMatchObject({ sourceId: udpSource, name: udp.name, dropped: stats.sources[udpSource].dropped });
    expect(listSources(db).map((source) => [source.id, source.kind, source.name])).toEqual([
      [tcpSource, 'live', tcp.name],
      [udpSource, 'live', udp.name],
    ]);
  });

  it('stores the lines of a followed auth.log file', async () => {
    const db = temporaryCase();
    const ingest = start(db, { locations: {} });
    const path = join(mkdtempSync(join(tmpdir(), 'vigil-live-tail-')), 'auth.log');
    writeFileSync(path, 'Mar  1 12:00:00 db1 sshd[7]: Accepted password for carol from 192.0.2.44 port 51000 ssh2\n');
    const sourceId = ingest.add(new FileTail({ path, from: 'start', pollMs: 20 }));
    appendFileSync(path, 'Mar  1 12:00:05 db1 sshd[8]: Failed password for dave from 192.0.2.45 port 51001 ssh2\n');
    await waitFor(() => ingest.stats().stored === 2, 5000, 'two events');
    expect(db.prepare('SELECT user, ip, line FROM events WHERE source_id = ? ORDER BY line').all(sourceId)).toEqual([
      { user: 'carol', ip: '192.0.2.44', line: 1 },
      { user: 'dave', ip: '192.0.2.45', line: 2 },
    ]);
    expect(listSources(db)[0]).toMatchObject({ kind: 'live', name: `file://${path}` });
  });
});
