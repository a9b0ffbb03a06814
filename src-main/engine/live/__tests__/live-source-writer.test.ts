import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEnricher } from '../../enrich/enricher.js';
import { openCase, type CaseDatabase } from '../../store/database.js';
import { listRejects } from '../../store/rejects.js';
import type { LiveItem } from '../live-message.js';
import { LiveSourceWriter } from '../live-source-writer.js';

const opened: CaseDatabase[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

function temporaryCase(): CaseDatabase {
  const db = openCase(join(mkdtempSync(join(tmpdir(), 'vigil-live-writer-')), 'case.vigil'));
  opened.push(db);
  return db;
}

function writer(db: CaseDatabase): LiveSourceWriter {
  return new LiveSourceWriter(db, 'tcp://127.0.0.1:5514', { timeZone: 'UTC', year: 2026, assumptions: [], enrich: createEnricher() });
}

const origin = { receivedAt: 1, remote: '127.0.0.1:4000', transport: 'tcp' as const };
const message = (text: string): LiveItem => ({ kind: 'message', text, ...origin });
const cee = (user: string, agent: string): LiveItem =>
  message(`<38>1 2026-03-01T10:00:00Z web portal - - - @cee: {"user":"${user}","ip":"198.51.100.7","outcome":"success","user_agent":"${agent}","country":"NO","city":"Oslo"}`);
const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0';

describe('LiveSourceWriter', () => {
  it('gives each stored event the id of its row, with rejects and ignored messages between events', () => {
    const db = temporaryCase();
    const live = writer(db);
    const items: LiveItem[] = [
      message('<38>1 2026-03-01T10:00:01Z bastion sshd 1 - - Failed password for root from 203.0.113.9 port 1 ssh2'),
      { kind: 'reject', reason: 'invalid UTF-8', raw: '\\xc3(', ...origin },
      message('not syslog'),
      message('<30>1 2026-03-01T10:00:02Z bastion systemd 1 - - Started Session 1 of user alice.'),
      ...Array.from({ length: 70 }, (_, index) => message(`<38>1 2026-03-01T10:01:00Z bastion sshd 2 - - Accepted password for user${index} from 203.0.113.${index} port 2 ssh2`)),
      message('also not syslog'),
    ];
    const stored = live.write(live.prepare(items));
    expect(stored).toHaveLength(71);
    const rows = db.prepare('SELECT id, user, ip, line FROM events ORDER BY id').all() as { id: number; user: string; ip: string; line: number }[];
    expect(stored.map((login) => [login.id, login.user, login.ip])).toEqual(rows.map((row) => [row.id, row.user, row.ip]));
    expect(rows.map((row) => row.line)).toEqual([1, ...Array.from({ length: 70 }, (_, index) => 5 + index)]);
    expect(listRejects(db, live.sourceId).map((reject) => reject.line)).toEqual([2, 3, 75]);
    expect(live.totals).toEqual({ lines: 75, events: 71, rejected: 3, ignored: 1 });
  });

  it('stores each client and place once, and after an undone batch stores them again instead of pointing at rows that are gone', () => {
    const db = temporaryCase();
    const live = writer(db);
    // The batch's transaction fails after the writer wrote (say at commit): everything it added is gone.
    db.exec('BEGIN');
    live.write(live.prepare([cee('alice', firefox)]));
    db.exec('ROLLBACK');
    live.rolledBack();
    expect(db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(0);

    live.write(live.prepare([cee('bob', firefox), cee('carol', firefox)]));
    const events = db.prepare('SELECT user, user_agent, browser, country, city FROM events ORDER BY id').all();
    expect(events).toEqual([
      { user: 'bob', user_agent: firefox, browser: 'Firefox 120', country: 'NO', city: 'Oslo' },
      { user: 'carol', user_agent: firefox, browser: 'Firefox 120', country: 'NO', city: 'Oslo' },
    ]);
    expect(db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM places').pluck().get()).toBe(1);
  });

  it('stores a batch that failed midway once when it is retried, none of its rows twice', () => {
    const db = temporaryCase();
    const live = writer(db);
    const batch = live.prepare([...Array.from({ length: 40 }, (_, index) => cee(`user${index}`, firefox)), cee('mallory', 'refused agent')]);
    // The last event's client cannot be added: the batch fails after its first 40 rows went in.
    db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON clients WHEN NEW.user_agent = 'refused agent' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    db.exec('BEGIN');
    expect(() => live.write(batch)).toThrow('refused');
    db.exec('ROLLBACK');
    db.exec('DROP TRIGGER refuse');
    expect(live.write(batch)).toHaveLength(41);
    const users = db.prepare('SELECT user FROM events ORDER BY id').pluck().all();
    expect(users).toEqual([...Array.from({ length: 40 }, (_, index) => `user${index}`), 'mallory']);
  });
});
