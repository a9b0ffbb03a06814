import { afterEach, describe, expect, it } from 'vitest';
import { overview } from '../../store/queries/overview.js';
import { timeline } from '../../store/queries/timeline.js';
import { seedCase, type SeededCase } from '../../store/queries/__tests__/seed.js';
import { CaseReader } from '../run-reads.js';
import { engineProcessesOf, threadCount } from './engine-processes.js';

describe('CaseReader', () => {
  let seeded: SeededCase;
  let reader: CaseReader;
  afterEach(async () => {
    await reader.close();
    seeded.remove();
  });

  it('answers the long reads from its worker exactly as on the caller\'s connection, and sees later writes', async () => {
    seeded = seedCase();
    reader = new CaseReader(seeded.path);
    seeded.add([
      { time: Date.UTC(2026, 0, 5, 8), user: 'alice', ip: '192.0.2.1', outcome: 'success' },
      { time: Date.UTC(2026, 0, 5, 9), user: 'bob', ip: '192.0.2.2', outcome: 'failure' },
    ]);
    const [fromWorker, series] = await Promise.all([reader.read('overview'), reader.read('timeline', null, 'hour', null)]);
    expect(fromWorker).toEqual(overview(seeded.db));
    expect(fromWorker).toMatchObject({ events: 2, users: 2, failures: 1 });
    expect(series).toEqual(timeline(seeded.db, null, 'hour', null));

    seeded.add([{ time: Date.UTC(2026, 0, 5, 10), user: 'carol', ip: '192.0.2.3', outcome: 'failure' }]);
    expect(await reader.read('caseCounts')).toMatchObject({ events: 3 });
  });

  it('rejects a read that fails with its reason', async () => {
    seeded = seedCase();
    reader = new CaseReader(`${seeded.path}.missing/nowhere.vigil`);
    await expect(reader.read('caseCounts')).rejects.toThrow(/unable to open|directory does not exist|cannot open/i);
    await reader.close();
    reader = new CaseReader(seeded.path);
    expect(await reader.read('caseCounts')).toEqual({ events: 0, sources: 1, rejects: 0 });
  });

  it.runIf(process.platform === 'linux')('runs a read beside a running one in a second worker, and no more than two', async () => {
    seeded = seedCase();
    seeded.add([{ time: Date.UTC(2026, 0, 5, 8), user: 'alice', ip: '192.0.2.1', outcome: 'success' }]);
    reader = new CaseReader(seeded.path);
    expect(await reader.read('caseCounts')).toMatchObject({ events: 1 });
    const [engine] = engineProcessesOf(process.pid);
    const withOneWorker = threadCount(engine);
    // Asked together: the first goes to the idle worker, the second finds it busy and starts another, the third waits for one.
    const together = () => Promise.all([reader.read('overview'), reader.read('caseCounts'), reader.read('datasetSummary')]);
    expect(await together()).toMatchObject([{ events: 1 }, { events: 1 }, { events: 1 }]);
    const withTwoWorkers = threadCount(engine);
    expect(withTwoWorkers).toBeGreaterThan(withOneWorker);
    expect(await together()).toMatchObject([{ events: 1 }, { events: 1 }, { events: 1 }]);
    expect(threadCount(engine)).toBe(withTwoWorkers);
  });
});
