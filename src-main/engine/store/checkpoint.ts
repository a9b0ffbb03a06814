import { openCase, type CaseDatabase } from './database.js';

/** Copy what the WAL holds into the database file, without waiting for the writer or any reader. */
export function checkpointPassively(db: CaseDatabase): void {
  db.pragma('wal_checkpoint(PASSIVE)');
}

/** A connection of its own for checkpointing a case that another connection has opened (no schema work: no write lock). */
export function openCheckpointConnection(casePath: string): CaseDatabase {
  return openCase(casePath, { prepared: true });
}
