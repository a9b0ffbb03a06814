import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCase } from '../../store/database.js';
import { WalCheckpointer } from '../wal-checkpointer.js';
import { waitFor } from './wait.js';

describe('WalCheckpointer', () => {
  it('copies what another connection writes into the database file, from a thread of its own', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vigil-checkpoint-')), 'case.vigil');
    const db = openCase(path);
    // This connection never checkpoints: what reaches the database file is the worker's doing.
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE filler (data BLOB)');
    const problems: string[] = [];
    const checkpointer = await WalCheckpointer.start(path, (message) => problems.push(message));
    const before = statSync(path).size;
    const insert = db.prepare('INSERT INTO filler (data) VALUES (?)');
    db.transaction(() => {
      for (let row = 0; row < 64; row++) insert.run(Buffer.alloc(32 * 1024, row));
    })();
    await waitFor(() => statSync(path).size >= before + 64 * 32 * 1024, 10_000, 'the WAL copied into the database file');
    await checkpointer.stop();
    expect(problems).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) FROM filler').pluck().get()).toBe(64);
    db.close();
  });
});
