import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCase } from '../database.js';
import { buildIndexes } from '../index-build.js';

describe('buildIndexes', () => {
  it('builds the indexes in small sort runs and gives the connection its page cache back', () => {
    const db = openCase(join(mkdtempSync(join(tmpdir(), 'vigil-index-')), 'case.vigil'));
    db.exec('CREATE TABLE words (word TEXT, at INTEGER)');
    const insert = db.prepare('INSERT INTO words VALUES (?, ?)');
    db.transaction(() => {
      for (let index = 0; index < 20_000; index++) insert.run(`w${(index * 7919) % 5000}`, index);
    })();
    const cacheSize = db.pragma('cache_size', { simple: true });
    buildIndexes(db, 'CREATE INDEX words_word ON words(word, at)');
    expect(db.pragma('cache_size', { simple: true })).toBe(cacheSize);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT at FROM words WHERE word = 'w42' ORDER BY at").all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join()).toContain('COVERING INDEX words_word');
    expect(db.prepare("SELECT at FROM words WHERE word = 'w42' ORDER BY at").pluck().all()).toEqual([2518, 7518, 12518, 17518]);
    expect(() => buildIndexes(db, 'CREATE INDEX words_word ON words(word)')).toThrow(/already exists/);
    expect(db.pragma('cache_size', { simple: true })).toBe(cacheSize);
    db.close();
  });
});
