import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, openCase, schemaVersion } from '../database.js';
import { rawLine } from '../raw-lines.js';
import { migrations } from '../migrations/index.js';

function temporaryCase(): string {
  return join(mkdtempSync(join(tmpdir(), 'vigil-store-')), 'case.vigil');
}

function tableNames(db: Database.Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type='table' ORDER BY name`).all() as { name: string }[]).map((row) => row.name);
}

function indexNames(db: Database.Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type='index' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((row) => row.name);
}

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
  });

  it('0001 creates sources, events, raw blocks, rejects and audit', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 1));
    expect(schemaVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(['audit', 'events', 'raw_blocks', 'rejects', 'sources']);
    const columns = (db.prepare('PRAGMA table_info(events)').all() as { name: string }[]).map((column) => column.name);
    expect(columns).toContain('label');
    expect(columns).toContain('network');
  });

  it('0002 indexes events by time, user, ip and failures over time', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 2));
    expect(schemaVersion(db)).toBe(2);
    expect(indexNames(db)).toEqual(expect.arrayContaining(['events_ts', 'events_user_ts', 'events_ip', 'events_failures_ts']));
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM events WHERE outcome = 0 AND ts >= ? ORDER BY ts').all(0) as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('events_failures_ts');
  });

  it('0003 adds model runs and per-run scores', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 3));
    expect(schemaVersion(db)).toBe(3);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['model_runs', 'scores']));
    db.prepare(`INSERT INTO model_runs (kind, parameters, seed, status, started_at) VALUES ('ensemble', '{}', 1, 'complete', 0)`).run();
    db.prepare(`INSERT INTO scores VALUES (1, 7, 91.5, 'critical', 'block', 1, 0.5, 0.7, 0.2, '[]')`).run();
    expect(() => db.prepare(`INSERT INTO scores VALUES (1, 7, 1, 'low', 'allow', 0, 0, 0, 0, '[]')`).run()).toThrow(/UNIQUE/);
  });

  it('0004 adds incidents with their events, notes and the threshold they were derived at', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 4));
    expect(schemaVersion(db)).toBe(4);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['incident_runs', 'incidents', 'incident_events', 'incident_notes']));
    db.prepare(`INSERT INTO model_runs (kind, parameters, seed, status, started_at) VALUES ('ensemble', '{}', 1, 'complete', 0)`).run();
    db.prepare(`INSERT INTO incident_runs VALUES (1, 40, 30, 0)`).run();
    db.prepare(
      `INSERT INTO incidents (run_id, title, level, max_risk, first_ts, last_ts, alerts, users, user_count, ips, ip_count, rules)
       VALUES (1, 'brute force', 'critical', 97, 0, 60000, 2, '["alice"]', 1, '["192.0.2.1"]', 1, '["brute_force"]')`,
    ).run();
    expect((db.prepare(`SELECT status FROM incidents`).get() as { status: string }).status).toBe('new');
    db.prepare(`INSERT INTO incident_events VALUES (1, 7), (1, 8)`).run();
    expect(() => db.prepare(`INSERT INTO incident_events VALUES (1, 7)`).run()).toThrow(/UNIQUE/);
    db.prepare(`INSERT INTO incident_notes (incident_id, ts, actor, status, text) VALUES (1, 5, 'desktop', 'acknowledged', 'looking')`).run();
    // Deleting the run takes its incidents, their events and notes with it.
    db.prepare(`DELETE FROM model_runs WHERE id = 1`).run();
    for (const table of ['incident_runs', 'incidents', 'incident_events', 'incident_notes']) {
      expect((db.prepare(`SELECT COUNT(*) AS count FROM ${table}`).get() as { count: number }).count, table).toBe(0);
    }
  });

  it('0005 adds account lockouts that an analyst can lift', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 5));
    expect(schemaVersion(db)).toBe(5);
    expect(tableNames(db)).toContain('lockouts');
    expect(indexNames(db)).toContain('lockouts_user_until');
    db.prepare(`INSERT INTO lockouts (user, locked_at, until, reason) VALUES ('alice', 0, 900000, 'brute force')`).run();
    db.prepare(`UPDATE lockouts SET lifted_at = 5, lifted_by = 'analyst' WHERE user = 'alice'`).run();
    expect(db.prepare(`SELECT user, until, lifted_by FROM lockouts`).get()).toEqual({ user: 'alice', until: 900000, lifted_by: 'analyst' });
  });

  it('0006 adds the allow-list, one entry per kind and value', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 6));
    expect(schemaVersion(db)).toBe(6);
    const insert = db.prepare(`INSERT INTO allowlist (kind, value, created_at, created_by) VALUES (?, ?, 1, 'analyst')`);
    insert.run('ip', '10.0.0.0/8');
    insert.run('user', 'scanner');
    expect(() => insert.run('ip', '10.0.0.0/8')).toThrow(/UNIQUE/);
    expect(() => insert.run('device', 'x')).toThrow(/CHECK/);
    expect(db.prepare(`SELECT kind, value, note FROM allowlist ORDER BY id`).all()).toEqual([
      { kind: 'ip', value: '10.0.0.0/8', note: '' },
      { kind: 'user', value: 'scanner', note: '' },
    ]);
  });

  it('0007 moves events to event_rows with shared clients and places, behind an events view with the same rows', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 6));
    db.prepare(`INSERT INTO sources (kind, name, format, time_zone, status, started_at) VALUES ('file', 'a.csv', 'rba', 'UTC', 'complete', 0)`).run();
    const insert = db.prepare(
      `INSERT INTO events (ts, user, outcome, ip, network, country, region, city, latitude, longitude, asn, user_agent, browser, os, device_type,
         auth_method, service, host, rtt_ms, source_id, line, record, label) VALUES (?, ?, 1, ?, NULL, ?, ?, ?, ?, ?, 29695, ?, ?, ?, ?, 'password', 'web', NULL, 5.5, 1, ?, ?, ?)`,
    );
    insert.run(1000, 'alice', '192.0.2.1', 'NO', 'Vestland', 'Bergen', 60.39, 5.32, 'Mozilla/5.0 Chrome/85', 'Chrome 85', 'Windows 10', 'desktop', 2, 1, 'normal');
    insert.run(2000, 'bob', '192.0.2.2', 'NO', 'Vestland', 'Bergen', 60.39, 5.32, 'Mozilla/5.0 Chrome/85', 'Chrome 85', 'Windows 10', 'desktop', 3, 2, null);
    insert.run(3000, 'carol', null, null, null, null, null, null, null, null, null, null, 4, 3, 'attack_ip');
    db.prepare(`INSERT INTO raw_blocks (source_id, first_line, line_count, text) VALUES (1, 1, 1, ?)`).run(deflateRawSync(Buffer.from('old line')));
    const before = db.prepare('SELECT * FROM events ORDER BY id').all();
    migrate(db, migrations);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(7);
    expect(db.prepare('SELECT * FROM events ORDER BY id').all()).toEqual(before);
    expect(db.prepare(`SELECT COUNT(*) AS clients, (SELECT COUNT(*) FROM places) AS places FROM clients`).get()).toEqual({ clients: 1, places: 1 });
    expect(db.prepare(`SELECT client_id, place_id FROM event_rows WHERE user = 'carol'`).get()).toEqual({ client_id: null, place_id: null });
    expect(indexNames(db)).toEqual(expect.arrayContaining(['events_ts', 'events_user_ts', 'events_ip', 'events_failures_ts']));
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM events WHERE outcome = 0 AND ts >= ? ORDER BY ts').all(0) as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('events_failures_ts');
    // Blocks written before keep their codec and read back as stored.
    expect(rawLine(db, 1, 1)).toBe('old line');
  });

  it('0008 moves each run\'s models to run_models, leaving model_runs small', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 7));
    const insert = db.prepare(`INSERT INTO model_runs (kind, parameters, seed, status, metrics, models, started_at, finished_at) VALUES ('ensemble', '{}', 1, ?, '{}', ?, 5, 9)`);
    insert.run('complete', '{"version":3}');
    insert.run('failed', '{}');
    migrate(db, migrations.slice(0, 8));
    expect(schemaVersion(db)).toBe(8);
    const columns = (db.prepare(`SELECT name FROM pragma_table_info('model_runs')`).all() as { name: string }[]).map((column) => column.name);
    expect(columns).not.toContain('models');
    expect(db.prepare(`SELECT id, status, started_at, finished_at FROM model_runs ORDER BY id`).all()).toEqual([
      { id: 1, status: 'complete', started_at: 5, finished_at: 9 },
      { id: 2, status: 'failed', started_at: 5, finished_at: 9 },
    ]);
    // A run without models (failed) has no row; deleting a run takes its models with it.
    expect(db.prepare(`SELECT run_id, models FROM run_models`).all()).toEqual([{ run_id: 1, models: '{"version":3}' }]);
    db.prepare(`DELETE FROM model_runs WHERE id = 1`).run();
    expect(db.prepare(`SELECT COUNT(*) AS count FROM run_models`).get()).toEqual({ count: 0 });
  });

  it('0009 keeps the scores above low in the risk index, covering their level', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 8));
    db.prepare(`INSERT INTO model_runs (kind, parameters, seed, status, started_at) VALUES ('ensemble', '{}', 1, 'complete', 0)`).run();
    const insert = db.prepare(`INSERT INTO scores VALUES (1, ?, ?, ?, 'allow', 0, 0, 0, 0, '[]')`);
    [[1, 12, 'low'], [2, 55, 'medium'], [3, 91, 'critical'], [4, 39.9, 'low']].forEach((score) => insert.run(...score));
    migrate(db, migrations.slice(0, 9));
    expect(schemaVersion(db)).toBe(9);
    const alerts = `SELECT level, COUNT(*) AS count FROM scores WHERE run_id = 1 AND risk >= 40 AND level <> 'low' GROUP BY level ORDER BY level`;
    expect(db.prepare(alerts).all()).toEqual([{ level: 'critical', count: 1 }, { level: 'medium', count: 1 }]);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${alerts}`).all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('COVERING INDEX scores_run_risk');
    expect(db.prepare(`SELECT COUNT(*) FROM scores INDEXED BY scores_run_risk WHERE run_id = 1 AND level <> 'low'`).pluck().get()).toBe(2);
  });

  it('opens a case in WAL mode and migrating twice changes nothing', () => {
    const path = temporaryCase();
    const first = openCase(path);
    expect(first.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(schemaVersion(first)).toBe(migrations.length);
    first.close();
    const second = openCase(path);
    expect(migrate(second, migrations)).toBe(0);
    second.close();
  });

  it('rolls a failing migration back whole', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 1));
    const broken = { version: 2, name: 'broken', sql: 'CREATE TABLE half (x); SELECT * FROM no_such_table;' };
    expect(() => migrate(db, [broken])).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(1);
    expect(tableNames(db)).not.toContain('half');
  });
});
