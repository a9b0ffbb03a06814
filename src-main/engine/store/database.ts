import Database from 'better-sqlite3';
import { buildIndexes } from './index-build.js';
import { eventIndexSql } from './migrations/0007-compact-events.js';
import { migrations } from './migrations/index.js';
import type { Migration } from './migrations/migration.js';

/** An open case file. */
export type CaseDatabase = Database.Database;

/**
 * How a case is opened. A `scratch` case exists only to score files once (`vigil detect` without --case)
 * and is deleted after: it does without the event indexes a bulk import builds last (by user, by IP),
 * which serve the views only.
 */
export interface OpenCaseOptions {
  readonly?: boolean;
  scratch?: boolean;
  /** A second connection to a case another one has opened (the checkpoint thread): no schema work, which would take the write lock. */
  prepared?: boolean;
}

/** Open (creating if needed) a case file, in WAL mode, migrated to the newest schema. */
export function openCase(path: string, options: OpenCaseOptions = {}): CaseDatabase {
  // The desktop app in development points this at better-sqlite3 built for Electron (bin/build-electron-sqlite.js);
  // worker threads inherit it with the environment.
  const nativeBinding = process.env.VIGIL_SQLITE_BINDING || undefined;
  const db = new Database(path, { readonly: options.readonly ?? false, nativeBinding });
  if (!options.readonly && !options.prepared) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    // A bulk import that was killed before it rebuilt the indexes leaves them missing: restore them.
    if (!options.scratch) buildIndexes(db, eventIndexSql());
  }
  db.pragma('busy_timeout = 5000');
  // 16 MB of page cache: the OS caches the file too, and a larger cache mostly raises an import's memory.
  db.pragma('cache_size = -16384');
  return db;
}

/** Apply every migration newer than the file's user_version, each in its own transaction. */
export function migrate(db: CaseDatabase, list: readonly Migration[]): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  let applied = 0;
  for (const migration of list) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied++;
  }
  return applied;
}

/** The schema version of an open case. */
export function schemaVersion(db: CaseDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}
