import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../ingest/importer.js';
import { iterateDetectionLogins } from '../../store/detection-input.js';
import { loadRunScores, unscoredEvents } from '../../store/run-evaluation.js';
import { iterateScoredEvents, latestModelRun, listModelRuns } from '../../store/scores.js';
import { evaluateRun } from '../evaluate-run.js';
import { createRunScorer } from '../live-scorer.js';
import { runDetection } from '../run-detection.js';
import { generatedCase, type GeneratedCase } from './generated-case.js';

// The project's reference scorer (standard-library Python), and 19 real rows of the RBA dataset.
const scorePy = '/work/shared/tools/score.py';
const rbaHead = new URL('../../../../../shared/data/rba/rba-dataset-head.csv', import.meta.url).pathname;

describe('a detection run on generated data', () => {
  let generated: GeneratedCase;
  let first: number;
  let second: number;

  beforeAll(async () => {
    generated = await generatedCase({ users: 60, days: 21, seed: 11 });
    first = (await runDetection(generated.db, { seed: 5, models: { autoencoder: false } })).runId;
    second = (await runDetection(generated.db, { seed: 5, models: { autoencoder: false } })).runId;
  });
  afterAll(() => generated.dispose());

  it('scores identically twice with the same seed: every column of every event', () => {
    const one = loadRunScores(generated.db, first);
    const two = loadRunScores(generated.db, second);
    expect(one.length).toBeGreaterThan(3000);
    expect(two.map(({ run_id: _run, ...rest }) => rest)).toEqual(one.map(({ run_id: _run, ...rest }) => rest));
  });

  it('gives every event the same risk and reasons when the logins are scored one at a time', () => {
    const run = latestModelRun(generated.db);
    if (!run) throw new Error('no run');
    const scorer = createRunScorer(run);
    const batch = new Map(loadRunScores(generated.db, run.id).map((score) => [score.event_id, score]));
    let compared = 0;
    for (const login of iterateDetectionLogins(generated.db)) {
      const live = scorer.scoreOne(login);
      const stored = batch.get(login.id);
      expect(live.risk).toBe(stored?.risk);
      expect(live.level).toBe(stored?.level);
      expect(JSON.stringify(live.reasons)).toBe(stored?.reasons);
      compared++;
    }
    expect(compared).toBe(batch.size);
  });

  it('evaluates exactly as score.py does, and stores the figures with curves in the run', () => {
    const evaluation = evaluateRun(generated.db, second);
    if (!evaluation) throw new Error('no labels');
    // Full-precision risks keyed by record, so score.py sees exactly the numbers evaluateRun saw.
    const lines = ['row,risk'];
    for (const row of iterateScoredEvents(generated.db, second)) lines.push(`${row.record},${String(row.risk)}`);
    const scoresPath = join(generated.directory, 'scores.csv');
    writeFileSync(scoresPath, lines.join('\n') + '\n');
    const reference = JSON.parse(execFileSync('python3', [scorePy, generated.labelsPath, scoresPath, '--score', 'risk', '--json'], { encoding: 'utf8' })) as {
      events: number;
      attacks: number;
      auc: number;
      ap: number;
      recall_at_1pct_fpr: number;
      per_type: Record<string, { n: number; auc: number; recall_at_1pct_fpr: number }>;
    };
    const quality = evaluation.quality;
    expect(quality.events).toBe(reference.events);
    expect(quality.attacks).toBe(reference.attacks);
    expect(Math.abs(quality.auc - reference.auc)).toBeLessThan(1e-9);
    expect(Math.abs(quality.averagePrecision - reference.ap)).toBeLessThan(1e-9);
    expect(Math.abs(quality.recallAtFalsePositiveRate - reference.recall_at_1pct_fpr)).toBeLessThan(1e-9);
    expect(Object.keys(quality.perType)).toEqual(Object.keys(reference.per_type));
    for (const [type, figures] of Object.entries(reference.per_type)) {
      expect(quality.perType[type].count).toBe(figures.n);
      expect(Math.abs(quality.perType[type].auc - figures.auc)).toBeLessThan(1e-9);
      expect(Math.abs(quality.perType[type].recallAtFalsePositiveRate - figures.recall_at_1pct_fpr)).toBeLessThan(1e-9);
    }
    const stored = JSON.parse(listModelRuns(generated.db).find((run) => run.id === second)?.metrics ?? '{}') as { evaluation?: { quality: { auc: number }; roc: unknown[] }; seconds?: object };
    expect(stored.evaluation?.quality.auc).toBe(quality.auc);
    expect(stored.evaluation?.roc.length).toBeGreaterThan(10);
    expect(stored.seconds).toBeDefined();
  });

  it('knows which events were imported after a run', async () => {
    expect(unscoredEvents(generated.db, second).count).toBe(0);
    await importFile(generated.db, rbaHead, { format: 'rba', actor: 'test' });
    expect(unscoredEvents(generated.db, second).count).toBe(19);
  });

  it('scores the forest in a worker thread while the autoencoder trains exactly as in this thread', async () => {
    const forestColumn = (components: Float64Array): number[] => Array.from({ length: components.length / 4 }, (_, row) => components[row * 4 + 2]);
    const here = await runDetection(generated.db, { seed: 5, models: { autoencoder: false }, storeScores: false });
    const there = await runDetection(generated.db, { seed: 5, models: { autoencoder: { epochs: 1, hidden: 4, batchSize: 256 } }, storeScores: false });
    const forest = forestColumn(there.verdicts.components);
    expect(forest).toEqual(forestColumn(here.verdicts.components));
    expect(new Set(forest).size).toBeGreaterThan(100);
  });
});
