import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedCase, type GeneratedCase } from '../../engine/detect/__tests__/generated-case.js';
import { runDetection, type DetectionRunSummary } from '../../engine/detect/run-detection.js';
import { loadRunScores } from '../../engine/store/run-evaluation.js';
import { prepareScoresCsv } from '../../engine/detect/scores-csv-in-worker.js';
import { readEventLines, verdictColumns, writeVerdictLines } from '../../engine/detect/verdict-lines.js';
import { writeScoresCsv } from '../scores-csv.js';

describe('SCORES.csv', () => {
  let generated: GeneratedCase;
  let stored: DetectionRunSummary;

  beforeAll(async () => {
    generated = await generatedCase({ users: 40, days: 14, seed: 3 });
    stored = await runDetection(generated.db, { seed: 2, models: { autoencoder: false } });
  });
  afterAll(() => generated.dispose());

  it('is the same file written from a run in memory, here or in a worker, as from its stored scores', async () => {
    const fromStore = join(generated.directory, 'stored.csv');
    const fromMemory = join(generated.directory, 'memory.csv');
    const fromWorker = join(generated.directory, 'worker.csv');
    const rows = writeScoresCsv(generated.db, stored.runId, fromStore);
    expect(writeVerdictLines(readEventLines(generated.db), verdictColumns(stored.eventIds, stored.verdicts), fromMemory)).toBe(rows);
    const prepared = prepareScoresCsv(generated.db.name);
    try {
      expect(await prepared.write(fromWorker, stored.eventIds, stored.verdicts)).toBe(rows);
    } finally {
      prepared.stop();
    }
    expect(rows).toBe(stored.events);
    const text = readFileSync(fromMemory, 'utf8');
    expect(text).toBe(readFileSync(fromStore, 'utf8'));
    expect(readFileSync(fromWorker, 'utf8')).toBe(text);
    expect(text.split('\n')[0]).toBe('source,line,row,ts,user,ip,risk,level,decision,reasons');
    // Some rows explain themselves, with their numbers.
    expect(text).toMatch(/,(medium|high|critical),(challenge|block|allow),[^\n]*\d/);
  });

  it('stores nothing when asked not to, and gives the same verdicts', async () => {
    const unstored = await runDetection(generated.db, { seed: 2, models: { autoencoder: false }, storeScores: false });
    expect(loadRunScores(generated.db, unstored.runId)).toHaveLength(0);
    expect(unstored.verdicts.risk).toEqual(stored.verdicts.risk);
    expect(unstored.verdicts.reasons).toEqual(stored.verdicts.reasons);
  });
});
