import { afterEach, describe, expect, it } from 'vitest';
import { createModelRun, prepareScoreInsert } from '../../scores.js';
import { riskAtLeast } from '../risk-at-least.js';
import { seedCase, type SeededCase } from './seed.js';

let seeded: SeededCase | null = null;
afterEach(() => {
  seeded?.remove();
  seeded = null;
});

/** A run with the given level settings and one score per risk, its level as the ensemble gives it (medium from 40). */
function scoredRun(settings: object, risks: number[]): number {
  const db = seeded!.db;
  const runId = createModelRun(db, { kind: 'ensemble', parameters: { settings }, seed: 1, windowStart: null, windowEnd: null });
  const insert = prepareScoreInsert(db);
  risks.forEach((risk, index) => {
    const level = risk >= 90 ? 'critical' : risk >= 70 ? 'high' : risk >= 40 ? 'medium' : 'low';
    insert({ run_id: runId, event_id: index + 1, risk, level, decision: 'allow', rules: 0, freeman: 0, forest: 0, autoencoder: 0, reasons: '[]' });
  });
  return runId;
}

function countAndPlan(runId: number, threshold: number): { count: number; plan: string } {
  const db = seeded!.db;
  const sql = `SELECT COUNT(*) FROM scores WHERE scores.run_id = ? AND ${riskAtLeast(db, runId, threshold)}`;
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(runId, threshold) as { detail: string }[]).map((step) => step.detail).join(' ');
  return { count: db.prepare(sql).pluck().get(runId, threshold) as number, plan };
}

describe('riskAtLeast', () => {
  const risks = [5, 39.99, 40, 55, 70, 90, 99.5];

  it('reads the index above low from the medium start on, and every score of the run below it', () => {
    seeded = seedCase();
    const runId = scoredRun({ mediumAt: 40, highAt: 70, criticalAt: 90 }, risks);
    expect(countAndPlan(runId, 70)).toEqual({ count: 3, plan: expect.stringContaining('COVERING INDEX scores_run_risk') });
    expect(countAndPlan(runId, 40)).toEqual({ count: 5, plan: expect.stringContaining('COVERING INDEX scores_run_risk') });
    // Below the medium start the low scores count too, and the partial index cannot answer.
    expect(countAndPlan(runId, 39.99)).toEqual({ count: 6, plan: expect.not.stringContaining('scores_run_risk') });
    expect(countAndPlan(runId, 0).count).toBe(7);
  });

  it('reads every score of a run that recorded no level starts', () => {
    seeded = seedCase();
    const runId = scoredRun({}, risks);
    expect(riskAtLeast(seeded.db, runId, 70)).toBe('scores.risk >= ?');
    expect(countAndPlan(runId, 70).count).toBe(3);
  });
});
