import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DetectionLogin } from '../../../../src-shared/detect/login.js';
import { iterateDetectionLogins, loadEventDictionaries } from '../../store/detection-input.js';
import { DetectionReader } from '../detection-read.js';
import { runDetection } from '../run-detection.js';
import { generatedCase, type GeneratedCase } from './generated-case.js';

describe('reading the events in a worker thread', () => {
  let generated: GeneratedCase;

  beforeAll(async () => {
    generated = await generatedCase({ users: 30, days: 10, seed: 4 });
  });
  afterAll(() => generated.dispose());

  it('gives the logins the case holds, in time order, batch after batch and up to a limit', async () => {
    const expected = [...iterateDetectionLogins(generated.db)];
    expect(expected.length).toBeGreaterThan(1000);
    const read = async (limit: number): Promise<{ batches: number; logins: DetectionLogin[] }> => {
      const logins: DetectionLogin[] = [];
      let batches = 0;
      const reader = new DetectionReader(generated.db.name, loadEventDictionaries(generated.db), limit, null, 100);
      try {
        for await (const batch of reader.batches()) {
          batches++;
          logins.push(...batch);
        }
      } finally {
        reader.close();
      }
      return { batches, logins };
    };
    const all = await read(expected.length);
    expect(all.batches).toBe(Math.ceil(expected.length / 100));
    expect(all.logins).toEqual(expected);
    expect((await read(250)).logins).toEqual(expected.slice(0, 250));
  });

  it('scores a run exactly as reading in this thread does, its statistical risk computed by the reader', async () => {
    const here = await runDetection(generated.db, { seed: 3, models: { autoencoder: false }, storeScores: false });
    const there = await runDetection(generated.db, { seed: 3, models: { autoencoder: false }, storeScores: false, readInWorker: true });
    expect(there.eventIds).toEqual(here.eventIds);
    expect(there.verdicts).toEqual(here.verdicts);
    const freemanOf = (runId: number): unknown => {
      const { models } = generated.db.prepare(`SELECT models FROM run_models WHERE run_id = ?`).get(runId) as { models: string };
      return (JSON.parse(models) as { freeman: unknown }).freeman;
    };
    expect(freemanOf(there.runId)).toEqual(freemanOf(here.runId));
    expect((freemanOf(here.runId) as { users: unknown[] }).users.length).toBeGreaterThan(20);
  });
});
