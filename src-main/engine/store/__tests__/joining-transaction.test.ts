import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { joiningTransaction } from '../joining-transaction.js';

describe('joiningTransaction', () => {
  const setUp = (): { db: Database.Database; names: () => string[]; add: (names: string[]) => void } => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE rows (name TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO rows (name) VALUES (?)');
    const add = joiningTransaction(db, (names: string[]) => {
      for (const name of names) {
        if (name === 'bad') throw new Error('bad row');
        insert.run(name);
      }
    });
    return { db, names: () => db.prepare('SELECT name FROM rows').pluck().all() as string[], add };
  };

  it('is a transaction of its own when none is open: all or nothing', () => {
    const { db, names, add } = setUp();
    add(['a', 'b']);
    expect(() => add(['c', 'bad'])).toThrow('bad row');
    expect(names()).toEqual(['a', 'b']);
    db.close();
  });

  it("joins an open transaction without a savepoint: the caller's rollback undoes it, a caught error keeps what came before", () => {
    const { db, names, add } = setUp();
    expect(() =>
      db.transaction(() => {
        add(['a']);
        throw new Error('caller fails');
      })(),
    ).toThrow('caller fails');
    expect(names()).toEqual([]);
    db.transaction(() => {
      expect(() => add(['b', 'bad'])).toThrow('bad row');
    })();
    expect(names()).toEqual(['b']);
    db.close();
  });
});
