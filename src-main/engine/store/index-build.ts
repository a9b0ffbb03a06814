import type { CaseDatabase } from './database.js';

/** Page cache while indexes are built, in KiB: SQLite's sorter then works in runs of its minimum size, 1 MB. */
const sortingCacheKib = 1024;

/**
 * Run CREATE INDEX statements with SQLite's sorter in small runs. The sorter sorts in memory runs as large
 * as the page cache (16 MB in a case) before merging them; runs that fit the CPU's caches sort faster. Measured
 * on 1M events: the (user, ts) and (ip) indexes in 1.9 s instead of 3.0 s (sqlite3 3.40, three runs each).
 */
export function buildIndexes(db: CaseDatabase, sql: string): void {
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${sortingCacheKib}`);
  try {
    db.exec(sql);
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
}
