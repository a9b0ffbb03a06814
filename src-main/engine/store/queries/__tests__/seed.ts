import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEventInput, type LoginEventInput } from '../../../../../src-shared/event.js';
import { openCase, type CaseDatabase } from '../../database.js';
import { prepareEventInsert } from '../../events.js';
import { compressRawLines, prepareCompressedBlockInsert } from '../../raw-lines.js';
import { createFileSource } from '../../sources.js';

/** A test case file in a temp directory with one source. */
export interface SeededCase {
  db: CaseDatabase;
  path: string;
  sourceId: number;
  add(events: Partial<LoginEventInput>[]): void;
  remove(): void;
}

/** Open a fresh case on disk (real SQLite, WAL, migrated) with one file source. */
export function seedCase(): SeededCase {
  const directory = mkdtempSync(join(tmpdir(), 'vigil-queries-'));
  const path = join(directory, 'test.vigil');
  const db = openCase(path);
  const sourceId = createFileSource(db, { name: '/logs/test.csv', sha256: 'x', size: 1, format: 'rba', timeZone: 'UTC', year: null, assumptions: [] });
  const insert = prepareEventInsert(db);
  const insertRaw = prepareCompressedBlockInsert(db);
  let line = 1;
  return {
    db,
    path,
    sourceId,
    add(events) {
      db.transaction(() => {
        const firstLine = line + 1;
        const raw: string[] = [];
        for (const partial of events) {
          const event: LoginEventInput = { ...newEventInput(0, 'alice', 'success'), ...partial };
          const network = event.ip && event.ip.includes('.') ? event.ip.replace(/\.\d+$/, '.0/24') : null;
          line++;
          insert(event, { network, browser: null, os: null, deviceType: null }, { sourceId, line, record: line - 1 });
          raw.push(`raw ${event.user} ${event.ip ?? '-'} line ${line}`);
        }
        insertRaw(sourceId, compressRawLines(firstLine, raw));
      })();
    },
    remove() {
      db.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
