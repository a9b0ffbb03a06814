import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../../../src-shared/random.js';
import { encodeLabels, evaluateDetection } from '../../../../src-shared/detect/metrics-by-label.js';

// The project's reference scorer (standard-library Python): our metrics must give its numbers.
const scorePy = '/work/shared/tools/score.py';

interface ScorePyResult {
  events: number;
  attacks: number;
  missing: number;
  auc: number;
  ap: number;
  recall_at_1pct_fpr: number;
  per_type: Record<string, { n: number; auc: number; recall_at_1pct_fpr: number }>;
}

describe('metrics agree with score.py', () => {
  const directory = mkdtempSync(join(tmpdir(), 'vigil-metrics-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('gives the same AUC, AP, recall at 1% FPR and per-type figures to 1e-9', () => {
    const random = createRandom(2024);
    const types = ['brute-force', 'credential-stuffing', 'takeover'];
    const rows = 5000;
    const labels: string[] = [];
    const scores = new Float64Array(rows);
    for (let row = 0; row < rows; row++) {
      const attack = random.chance(0.08);
      const label = attack ? types[random.integer(types.length)] : 'normal';
      labels.push(label);
      // Some scores rounded coarsely so ties happen within and across classes; a few rows left unscored.
      const raw = random.normal() + (attack ? 1 + types.indexOf(label) * 0.7 : 0);
      scores[row] = random.chance(0.3) ? Math.round(raw * 4) / 4 : raw;
      if (random.chance(0.01)) scores[row] = NaN;
    }
    const labelLines = labels.map((label, row) => `${row},${label}`);
    writeFileSync(join(directory, 'labels.csv'), `row,label\n${labelLines.join('\n')}\n`);
    const scoreLines: string[] = [];
    scores.forEach((score, row) => {
      if (!Number.isNaN(score)) scoreLines.push(`${row},${String(score)}`);
    });
    writeFileSync(join(directory, 'scores.csv'), `row,score\n${scoreLines.join('\n')}\n`);

    const output = execFileSync('python3', [scorePy, join(directory, 'labels.csv'), join(directory, 'scores.csv'), '--json'], { encoding: 'utf8' });
    const reference = JSON.parse(output) as ScorePyResult;
    const ours = evaluateDetection(scores, encodeLabels(labels));

    expect(reference.missing).toBeGreaterThan(0);
    expect(ours.events).toBe(reference.events);
    expect(ours.attacks).toBe(reference.attacks);
    expect(Math.abs(ours.auc - reference.auc)).toBeLessThan(1e-9);
    expect(Math.abs(ours.averagePrecision - reference.ap)).toBeLessThan(1e-9);
    expect(Math.abs(ours.recallAtFalsePositiveRate - reference.recall_at_1pct_fpr)).toBeLessThan(1e-9);
    expect(Object.keys(ours.perType)).toEqual(Object.keys(reference.per_type));
    for (const [type, figures] of Object.entries(reference.per_type)) {
      expect(ours.perType[type].count).toBe(figures.n);
      expect(Math.abs(ours.perType[type].auc - figures.auc)).toBeLessThan(1e-9);
      expect(Math.abs(ours.perType[type].recallAtFalsePositiveRate - figures.recall_at_1pct_fpr)).toBeLessThan(1e-9);
    }
  });
});
