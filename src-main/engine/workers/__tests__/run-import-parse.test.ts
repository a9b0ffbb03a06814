import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileIdentity } from '../../ingest/file-source.js';
import { importFile } from '../../ingest/importer.js';
import { openCase, type CaseDatabase } from '../../store/database.js';
import { rawLine } from '../../store/raw-lines.js';
import { listRejects } from '../../store/rejects.js';
import { startParseWorker } from '../run-import-parse.js';

const header =
  'index,Login Timestamp,User ID,Round-Trip Time [ms],IP Address,Country,Region,City,ASN,User Agent String,Browser Name and Version,OS Name and Version,Device Type,Login Successful,Is Attack IP,Is Account Takeover';
const agents = [
  ['"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/85.0.4183.121"', 'Chrome 85.0.4183', 'Windows 10', 'desktop'],
  ['"Mozilla/5.0 (iPhone; CPU iPhone OS 13_4 like Mac OS X) Mobile/15E148"', 'Mobile Safari 13.4', 'iOS 13.4', 'mobile'],
  ['-', '-', '-', '-'],
];
const places = ['NO,Vestland,Bergen', 'NO,Oslo County,Oslo', 'US,-,-', '-,-,-'];

/** An RBA row whose client and place cycle through a few values, some unknown ('-'). */
function row(index: number): string {
  const time = new Date(Date.UTC(2020, 1, 3) + index * 1000).toISOString().replace('T', ' ').replace('Z', '');
  const [agent, browser, os, device] = agents[index % agents.length];
  return `${index},${time},${1000 + (index % 50)},${index % 3 === 0 ? '' : index % 900},81.167.${index % 250}.${index % 200},${places[index % places.length]},29695,${agent},${browser},${os},${device},${index % 7 === 0 ? 'False' : 'True'},False,${index % 11 === 0 ? 'True' : 'False'}`;
}

function snapshot(db: CaseDatabase): unknown[] {
  return db.prepare('SELECT * FROM events ORDER BY line').all().map((event) => ({ ...(event as Record<string, unknown>), id: undefined, source_id: undefined }));
}

describe('startParseWorker', () => {
  it('imports through a parsing thread exactly as in one thread: events, clients, places, labels, rejects and raw lines', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'vigil-parse-'));
    const path = join(directory, 'rba.csv');
    const rows = Array.from({ length: 30_000 }, (_, index) => row(index));
    rows[1234] = 'not,a,row';
    writeFileSync(path, [header, ...rows].join('\n') + '\n');
    writeFileSync(`${path}.labels.csv`, 'row,label\n5,brute_force\n29999,account_takeover\n');

    const single = openCase(join(directory, 'single.vigil'));
    const threaded = openCase(join(directory, 'threaded.vigil'));
    const expected = await importFile(single, path, { linesPerCommit: 10_000 });
    const summary = await importFile(threaded, path, { linesPerCommit: 10_000, startParseThread: startParseWorker });

    expect({ ...summary, elapsedMs: 0 }).toEqual({ ...expected, elapsedMs: 0 });
    expect(summary).toMatchObject({ eventsImported: 29_999, rejected: 1 });
    expect(snapshot(threaded)).toEqual(snapshot(single));
    const byLine = threaded.prepare('SELECT user_agent, browser, country, city, latitude, label FROM events WHERE line = ?');
    expect(byLine.get(2)).toMatchObject({ browser: 'Chrome 85.0.4183', country: 'NO', city: 'Bergen', label: 'account_takeover' });
    expect(byLine.get(3)).toMatchObject({ browser: 'Mobile Safari 13.4', country: 'NO', city: 'Oslo', label: 'normal' });
    expect(byLine.get(4)).toMatchObject({ user_agent: null, browser: null, country: 'US', city: null });
    expect((byLine.get(6) as { label: string }).label).toBe('brute_force');
    expect((threaded.prepare('SELECT COUNT(*) AS count FROM clients').get() as { count: number }).count).toBe(2);
    expect(listRejects(threaded, summary.sourceId)).toEqual([expect.objectContaining({ line: 1236, raw: 'not,a,row' })]);
    expect(rawLine(threaded, summary.sourceId, 1236)).toBe('not,a,row');
    expect(rawLine(threaded, summary.sourceId, 30_001)).toBe(rows[29_999]);
    single.close();
    threaded.close();
  });

  it('resumes an aborted threaded import without duplicates, and a third run adds nothing', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'vigil-parse-'));
    const path = join(directory, 'rba.csv');
    const rows = Array.from({ length: 40_000 }, (_, index) => row(index));
    writeFileSync(path, [header, ...rows].join('\n') + '\n');
    const db = openCase(join(directory, 'case.vigil'));
    const controller = new AbortController();
    const options = { linesPerCommit: 5_000, startParseThread: startParseWorker };
    await expect(
      importFile(db, path, { ...options, signal: controller.signal, progressIntervalMs: 0, onProgress: (progress) => progress.linesRead >= 10_000 && controller.abort() }),
    ).rejects.toThrow(/resume/);
    const partial = (db.prepare('SELECT COUNT(*) AS count FROM events').get() as { count: number }).count;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(40_000);
    // The thread started while another hashed parses from line 1; the resume needs another plan and gets it.
    const resumed = await importFile(db, path, options);
    expect(resumed).toMatchObject({ resumed: true, duplicates: partial, eventsImported: 40_000 - partial });
    expect((db.prepare('SELECT COUNT(DISTINCT line) AS count FROM events').get() as { count: number }).count).toBe(40_000);
    expect(rawLine(db, resumed.sourceId, 40_001)).toBe(rows[39_999]);
    expect(await importFile(db, path, options)).toMatchObject({ alreadyImported: true, eventsImported: 0, duplicates: 40_000 });
    db.close();
  });

  it('hashes a file in the worker as this thread would, then the worker ends; a missing file is an error', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'vigil-parse-'));
    const path = join(directory, 'rba.csv');
    writeFileSync(path, [header, ...Array.from({ length: 1_000 }, (_, index) => row(index))].join('\n') + '\n');
    expect(await startParseWorker().identify(path)).toEqual(await fileIdentity(path));
    await expect(startParseWorker().identify(join(directory, 'missing.csv'))).rejects.toThrow(/ENOENT/);
  });

  it('reports an unusable header as an import error', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'vigil-parse-'));
    const path = join(directory, 'rba.csv');
    writeFileSync(path, ['index,Login Timestamp,User ID', ...Array.from({ length: 30_000 }, (_, index) => row(index))].join('\n') + '\n');
    const db = openCase(join(directory, 'case.vigil'));
    await expect(importFile(db, path, { format: 'rba', startParseThread: startParseWorker })).rejects.toThrow(/unusable header/);
    expect((db.prepare('SELECT COUNT(*) AS count FROM events').get() as { count: number }).count).toBe(0);
    db.close();
  });
});
