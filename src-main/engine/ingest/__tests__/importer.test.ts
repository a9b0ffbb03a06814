import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openCase, type CaseDatabase } from '../../store/database.js';
import { rawLine } from '../../store/raw-lines.js';
import { listRejects } from '../../store/rejects.js';
import { ImportError, importFile } from '../importer.js';

const rbaHead = resolve('../shared/data/rba/rba-dataset-head.csv');
const rbaHeader = readFileSync(rbaHead, 'utf8').split('\n')[0];

function temporaryDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'vigil-import-'));
}

function count(db: CaseDatabase, sql: string): number {
  return (db.prepare(sql).get() as { count: number }).count;
}

/** An RBA-layout row with a distinct time per index. */
function rbaRow(index: number): string {
  const time = new Date(Date.UTC(2020, 1, 3) + index * 1000).toISOString().replace('T', ' ').replace('Z', '');
  return `${index},${time},${1000 + (index % 50)},,81.167.${index % 250}.${index % 200},NO,Vestland,Bergen,29695,"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/85.0.4183.121",Chrome 85.0.4183,Windows 10,desktop,${index % 7 === 0 ? 'False' : 'True'},False,False`;
}

describe('importFile', () => {
  it('imports the real RBA sample, records the source, and a second import adds nothing', async () => {
    const db = openCase(join(temporaryDirectory(), 'case.vigil'));
    const first = await importFile(db, rbaHead);
    expect(first).toMatchObject({ format: 'rba', linesRead: 19, eventsImported: 19, rejected: 0, duplicates: 0, alreadyImported: false });
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.assumptions).toContain('time zone UTC (default; set it with --tz)');
    const second = await importFile(db, rbaHead);
    expect(second).toMatchObject({ alreadyImported: true, eventsImported: 0, duplicates: 19 });
    expect(count(db, 'SELECT COUNT(*) AS count FROM events')).toBe(19);
    const stored = db.prepare('SELECT * FROM events WHERE line = 2').get() as Record<string, unknown>;
    expect(stored).toMatchObject({ user: '-4324475583306591935', ip: '10.0.65.171', network: '10.0.65.0/24', country: 'NO', outcome: 0, record: 1, label: 'normal' });
    const fileLines = readFileSync(rbaHead, 'utf8').split('\n');
    expect(rawLine(db, first.sourceId, 2)).toBe(fileLines[1]);
    expect(rawLine(db, first.sourceId, 20)).toBe(fileLines[19]);
  });

  it('imports every good row of a broken file and rejects every bad one with its line and reason', async () => {
    const directory = temporaryDirectory();
    const path = join(directory, 'broken.csv');
    const parts: (string | Buffer)[] = [
      rbaHeader + '\n',
      rbaRow(1) + '\n', // line 2 good
      '2,2020-02-03 12:00:00.000,7,,1.2.3.4,NO,-,-,1,"Mozilla unterminated,Chrome,Windows,desktop,True,False,False\n', // 3 unterminated quote
      '3,2020-02-03 12:00:01.000,7,,1.2.3.4\n', // 4 missing columns
      rbaRow(4).replace('2020-02-03', '2020-13-45') + '\n', // 5 unparseable time
      Buffer.from([0x00, 0x01, 0x02, 0x7f, 0x0a]), // 6 binary garbage
      rbaRow(6) + '\n', // 7 good
      'x'.repeat(10 * 1024 * 1024) + '\n', // 8 a 10 MB line
      Buffer.concat([Buffer.from(rbaRow(8).slice(0, 40)), Buffer.from([0xc3, 0x28]), Buffer.from(rbaRow(8).slice(40) + '\n')]), // 9 invalid UTF-8
      rbaRow(9) + '\n', // 10 good
    ];
    writeFileSync(path, Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part))));
    const db = openCase(join(directory, 'case.vigil'));
    const summary = await importFile(db, path);
    expect(summary).toMatchObject({ linesRead: 9, eventsImported: 3, rejected: 6 });
    const rejects = listRejects(db, summary.sourceId);
    expect(rejects.map((reject) => reject.line)).toEqual([3, 4, 5, 6, 8, 9]);
    expect(rejects.find((reject) => reject.line === 8)?.reason).toMatch(/line longer than 65536 bytes/);
    expect(rejects.find((reject) => reject.line === 8)?.raw.length).toBe(1024);
    expect(rejects.find((reject) => reject.line === 9)?.reason).toBe('invalid UTF-8');
    expect(rejects.find((reject) => reject.line === 3)?.reason).toMatch(/unterminated/);
    expect(rejects.find((reject) => reject.line === 4)?.reason).toMatch(/column/);
    expect(rejects.find((reject) => reject.line === 5)?.reason).toMatch(/time/);
    expect((db.prepare('SELECT line FROM events ORDER BY line').all() as { line: number }[]).map((row) => row.line)).toEqual([2, 7, 10]);
    expect(Object.values(summary.rejectedByReason).reduce((sum, value) => sum + value, 0)).toBe(6);
  });

  it('reads gzip transparently', async () => {
    const directory = temporaryDirectory();
    const path = join(directory, 'head.csv.gz');
    writeFileSync(path, gzipSync(readFileSync(rbaHead)));
    const db = openCase(join(directory, 'case.vigil'));
    expect(await importFile(db, path)).toMatchObject({ format: 'rba', eventsImported: 19 });
  });

  it('stores generator labels from a sibling FILE.labels.csv', async () => {
    const directory = temporaryDirectory();
    const path = join(directory, 'generated.csv');
    copyFileSync(rbaHead, path);
    writeFileSync(`${path}.labels.csv`, 'row,label\n' + Array.from({ length: 19 }, (_, index) => `${index + 1},${index === 4 ? 'brute_force' : 'normal'}`).join('\n') + '\n');
    const db = openCase(join(directory, 'case.vigil'));
    const summary = await importFile(db, path);
    expect(summary.assumptions.some((assumption) => assumption.includes('generated.csv.labels.csv'))).toBe(true);
    expect(db.prepare('SELECT record, label FROM events WHERE label != ? ').all('normal')).toEqual([{ record: 5, label: 'brute_force' }]);
  });

  it('refuses labels it cannot read before it stores anything, and says which file', async () => {
    const directory = temporaryDirectory();
    const path = join(directory, 'generated.csv');
    copyFileSync(rbaHead, path);
    writeFileSync(`${path}.labels.csv`, 'row,label\n' + Array.from({ length: 300 }, (_, index) => `${index + 1},kind${index}`).join('\n') + '\n');
    const db = openCase(join(directory, 'case.vigil'));
    await expect(importFile(db, path)).rejects.toThrow(/cannot read the labels beside .*generated\.csv: .*more than 255 distinct labels/);
    expect(db.prepare('SELECT COUNT(*) FROM sources').pluck().get()).toBe(0);
  });

  it('refuses a file whose format cannot be determined, with a one-line reason', async () => {
    const directory = temporaryDirectory();
    const path = join(directory, 'mystery.txt');
    writeFileSync(path, 'hello\nworld\n');
    const db = openCase(join(directory, 'case.vigil'));
    await expect(importFile(db, path)).rejects.toThrow(ImportError);
    await expect(importFile(db, path)).rejects.toThrow(/cannot determine the format/);
    await expect(importFile(db, join(directory, 'missing.csv'))).rejects.toThrow(/cannot read/);
  });

  it('resumes an aborted import without duplicates', async () => {
    const directory = temporaryDirectory();
    const path = join(directory, 'large.csv');
    writeFileSync(path, [rbaHeader, ...Array.from({ length: 60_000 }, (_, index) => rbaRow(index))].join('\n') + '\n');
    const db = openCase(join(directory, 'case.vigil'));
    const controller = new AbortController();
    await expect(
      importFile(db, path, { signal: controller.signal, progressIntervalMs: 0, linesPerCommit: 5_000, onProgress: (progress) => progress.linesRead > 10_000 && controller.abort() }),
    ).rejects.toThrow(/resume/);
    const partial = count(db, 'SELECT COUNT(*) AS count FROM events');
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(60_000);
    const summary = await importFile(db, path, { linesPerCommit: 5_000 });
    expect(summary).toMatchObject({ resumed: true, duplicates: partial, eventsImported: 60_000 - partial });
    expect(count(db, 'SELECT COUNT(*) AS count FROM events')).toBe(60_000);
    expect(count(db, 'SELECT COUNT(DISTINCT line) AS count FROM events')).toBe(60_000);
    // The raw evidence of every line survives the interruption, before and after the resume point.
    expect(rawLine(db, summary.sourceId, 2)).toBe(rbaRow(0));
    expect(rawLine(db, summary.sourceId, 30_001)).toBe(rbaRow(29_999));
    expect(rawLine(db, summary.sourceId, 60_001)).toBe(rbaRow(59_999));
  });

  it('loads a large file in bulk while another connection has the case open (stays in WAL mode)', async () => {
    const directory = temporaryDirectory();
    const path = join(directory, 'bulk.csv');
    const rows = 130_000;
    writeFileSync(path, [rbaHeader, ...Array.from({ length: rows }, (_, index) => rbaRow(index))].join('\n') + '\n');
    const casePath = join(directory, 'case.vigil');
    const reader = openCase(casePath);
    const db = openCase(casePath);
    const summary = await importFile(db, path);
    expect(summary.eventsImported).toBe(rows);
    expect(reader.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(count(reader, 'SELECT COUNT(*) AS count FROM events')).toBe(rows);
    const indexes = reader.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'events_%'`).all();
    expect(indexes).toHaveLength(4);
    reader.close();
    // A scratch case (vigil detect without --case) keeps only the time indexes, also when opened again.
    const scratchPath = join(directory, 'scratch.vigil');
    const scratch = openCase(scratchPath, { scratch: true });
    expect((await importFile(scratch, path, { scratch: true })).eventsImported).toBe(rows);
    scratch.close();
    const reopened = openCase(scratchPath, { scratch: true });
    expect(reopened.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'events_%' ORDER BY name`).pluck().all()).toEqual(['events_failures_ts', 'events_ts']);
    reopened.close();
  });

  it('leaves a consistent case when the process is killed, and a re-run completes it exactly', async () => {
    const directory = temporaryDirectory();
    const path = join(directory, 'large.csv');
    const rows = 400_000;
    writeFileSync(path, [rbaHeader, ...Array.from({ length: rows }, (_, index) => rbaRow(index))].join('\n') + '\n');
    const casePath = join(directory, 'case.vigil');
    openCase(casePath).close();
    const child = spawn(process.execPath, [resolve('bin/vigil.js'), 'import', path, '--case', casePath], { stdio: 'ignore' });
    // Kill it hard once some batches are committed.
    await new Promise<void>((done) => {
      const timer = setInterval(() => {
        const probe = openCase(casePath, { readonly: true });
        const committed = count(probe, 'SELECT COUNT(*) AS count FROM events');
        probe.close();
        if (committed >= 50_000) {
          clearInterval(timer);
          child.kill('SIGKILL');
          done();
        }
      }, 50);
    });
    await new Promise((done) => child.on('exit', done));
    const db = openCase(casePath);
    const partial = count(db, 'SELECT COUNT(*) AS count FROM events');
    expect(partial).toBeLessThan(rows);
    const source = db.prepare('SELECT status, events_imported FROM sources').get() as { status: string; events_imported: number };
    expect(source).toEqual({ status: 'importing', events_imported: partial });
    const summary = await importFile(db, path);
    expect(summary).toMatchObject({ resumed: true, duplicates: partial, eventsImported: rows - partial });
    expect(count(db, 'SELECT COUNT(*) AS count FROM events')).toBe(rows);
    expect(count(db, 'SELECT COUNT(DISTINCT line) AS count FROM events')).toBe(rows);
  });
});
