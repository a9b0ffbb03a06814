import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { prepareBulkInsert } from '../bulk-insert.js';

describe('prepareBulkInsert', () => {
  it('stores full blocks as they fill and the remainder on flush, in order, ids as if one by one', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, name TEXT, size REAL)');
    const bulk = prepareBulkInsert(db, 'INSERT INTO rows (name, size)', 2, 4);
    const count = (): number => db.prepare('SELECT COUNT(*) FROM rows').pluck().get() as number;
    for (let row = 0; row < 10; row++) {
      bulk.value(`row ${row}`);
      bulk.value(row / 2);
      // Blocks of four rows go in as soon as they are full; the rows of a partial block wait.
      expect(count()).toBe(Math.floor((row + 1) / 4) * 4);
    }
    bulk.flush();
    expect(db.prepare('SELECT id, name, size FROM rows ORDER BY id').all()).toEqual(Array.from({ length: 10 }, (_, row) => ({ id: row + 1, name: `row ${row}`, size: row / 2 })));
    bulk.flush();
    expect(count()).toBe(10);
    db.close();
  });
});
