import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCase, type CaseDatabase } from '../database.js';
import { bulkWriteScores } from '../score-bulk.js';
import { createModelRun, prepareScoreInsert } from '../scores.js';

let directory = '';
let db: CaseDatabase | null = null;

function openTemporaryCase(): CaseDatabase {
  directory = mkdtempSync(join(tmpdir(), 'vigil-score-bulk-'));
  db = openCase(join(directory, 'case.vigil'));
  return db;
}

afterEach(() => {
  db?.close();
  db = null;
  rmSync(directory, { recursive: true, force: true });
});

const run = (database: CaseDatabase): number => createModelRun(database, { kind: 'ensemble', parameters: {}, seed: 1, windowStart: null, windowEnd: null });

describe('bulkWriteScores', () => {
  it('writes every row, blocks of 64 and the remainder, and leaves the risk index as the migration made it', () => {
    const database = openTemporaryCase();
    const indexSql = (): unknown => database.prepare(`SELECT sql FROM sqlite_master WHERE name = 'scores_run_risk'`).pluck().get();
    const before = indexSql();
    const runId = run(database);
    // 64 * 3 + 5 rows: three full blocks and a remainder.
    bulkWriteScores(database, runId, (add) => {
      for (let event = 1; event <= 197; event++) add(event, event / 2, 'low', 'allow', 0.1, 0.2, 0.3, 0.4, event % 50 === 0 ? '[{"rule":"x"}]' : '[]');
    });
    const rows = database.prepare(`SELECT * FROM scores WHERE run_id = ? ORDER BY event_id`).all(runId) as { event_id: number; risk: number; reasons: string }[];
    expect(rows.map((row) => row.event_id)).toEqual(Array.from({ length: 197 }, (_, index) => index + 1));
    expect(rows[99]).toMatchObject({ event_id: 100, risk: 50, reasons: '[{"rule":"x"}]' });
    expect(indexSql()).toBe(before);
    const plan = database.prepare(`EXPLAIN QUERY PLAN SELECT event_id FROM scores WHERE run_id = ? AND risk >= 90 AND level <> 'low'`).all(runId) as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/scores_run_risk/);
  });

  it('replaces a run’s earlier scores and keeps other runs’ scores', () => {
    const database = openTemporaryCase();
    const first = run(database);
    const second = run(database);
    const insert = prepareScoreInsert(database);
    insert({ run_id: first, event_id: 1, risk: 5, level: 'low', decision: 'allow', rules: 0, freeman: 0, forest: 0, autoencoder: 0, reasons: '[]' });
    insert({ run_id: second, event_id: 1, risk: 5, level: 'low', decision: 'allow', rules: 0, freeman: 0, forest: 0, autoencoder: 0, reasons: '[]' });
    bulkWriteScores(database, second, (add) => add(1, 99, 'critical', 'block', 1, 0, 0, 0, '[]'));
    expect(database.prepare(`SELECT run_id, risk FROM scores ORDER BY run_id`).all()).toEqual([
      { run_id: first, risk: 5 },
      { run_id: second, risk: 99 },
    ]);
  });

  it('writes nothing when filling fails, and keeps the index', () => {
    const database = openTemporaryCase();
    const runId = run(database);
    expect(() =>
      bulkWriteScores(database, runId, (add) => {
        for (let event = 1; event <= 100; event++) add(event, 1, 'low', 'allow', 0, 0, 0, 0, '[]');
        throw new Error('stopped');
      }),
    ).toThrow('stopped');
    expect(database.prepare(`SELECT COUNT(*) FROM scores`).pluck().get()).toBe(0);
    expect(database.prepare(`SELECT COUNT(*) FROM sqlite_master WHERE name = 'scores_run_risk'`).pluck().get()).toBe(1);
  });
});
