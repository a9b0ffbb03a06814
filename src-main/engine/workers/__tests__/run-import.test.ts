import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../../src-shared/import.js';
import { openCase } from '../../store/database.js';
import { importInWorker } from '../run-import.js';

describe.each([
  ['a worker thread', false],
  ['a separate process', true],
])('importInWorker in %s', (_, separateProcess) => {
  it('imports with its own connection, reporting progress', async () => {
    const casePath = join(mkdtempSync(join(tmpdir(), 'vigil-worker-')), 'case.vigil');
    const progress: ImportProgress[] = [];
    const summary = await importInWorker(casePath, resolve('../shared/data/loghub/OpenSSH_2k.log'), { year: 2026, separateProcess, onProgress: (state) => progress.push(state) });
    expect(summary).toMatchObject({ format: 'authlog', linesRead: 2000, rejected: 0 });
    expect(progress.at(-1)?.bytesRead).toBe(progress.at(-1)?.bytesTotal);
    const db = openCase(casePath, { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS count FROM events').get() as { count: number }).count).toBe(summary.eventsImported);
    db.close();
  });

  it('reports an unreadable file as an error with the reason', async () => {
    const casePath = join(mkdtempSync(join(tmpdir(), 'vigil-worker-')), 'case.vigil');
    await expect(importInWorker(casePath, '/no/such/file.log', { separateProcess })).rejects.toThrow(/cannot read \/no\/such\/file.log/);
  });
});
