import { closeSync, fdatasyncSync, openSync } from 'node:fs';
import { openCase, type CaseDatabase } from './database.js';

/**
 * Checkpoints of a case that another connection writes: a connection of its own (no schema work, so no
 * write lock) and the case file, to flush.
 */
export class CaseCheckpoints {
  private readonly db: CaseDatabase;
  private readonly file: number;

  constructor(casePath: string) {
    this.db = openCase(casePath, { prepared: true });
    this.file = openSync(casePath, 'r');
  }

  /**
   * Copy what the WAL holds into the database file, without waiting for the writer or any reader, and
   * flush the file. SQLite flushes it only in a checkpoint that reaches the end of the WAL; with a writer
   * that never pauses, that is the writer's own checkpoint at commit, which then flushed every page copied
   * since the one before (a live batch held 90 ms once a second). Flushed here, that checkpoint has only
   * its own few pages to flush.
   */
  passive(): void {
    this.db.pragma('wal_checkpoint(PASSIVE)');
    fdatasyncSync(this.file);
  }

  close(): void {
    this.db.close();
    closeSync(this.file);
  }
}

/**
 * A connection that writes a live stream: small transactions every few milliseconds, inserting into the
 * user and address indexes at random places (and, for scores above 'low', the risk index), about two
 * pages a message.
 * - A large cache (`cacheMegabytes`) keeps the hot index pages between commits.
 * - It leaves checkpoints to the checkpoint thread (CaseCheckpoints, once a second) until its WAL holds
 *   65,536 pages (256 MB). Only a writer's own checkpoint, right after its commit, can reach the end of
 *   the WAL and so let it start afresh; that checkpoint holds the writer's batch and its alerts for two
 *   flushes to disk (100–250 ms on this VM). At 5,000 messages a second the WAL grew 16,384 pages a
 *   second (measured while every score went into the risk index), so at 16,384 pages that hold came
 *   every second; at 65,536, every four.
 */
export function tuneForLiveWrites(db: CaseDatabase, cacheMegabytes: number): void {
  db.pragma(`cache_size = -${cacheMegabytes * 1024}`);
  db.pragma('wal_autocheckpoint = 65536');
}
