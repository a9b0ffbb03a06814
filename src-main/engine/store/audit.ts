import type { CaseDatabase } from './database.js';
import { prepared } from './prepared.js';

/** An entry of the case's audit trail. */
export interface AuditRow {
  id: number;
  ts: number;
  actor: string;
  action: string;
  detail: string;
}

/** Record an action (import, training, setting change, alert action) with its actor. */
export function recordAudit(db: CaseDatabase, actor: string, action: string, detail: object = {}): void {
  prepared(db, `INSERT INTO audit (ts, actor, action, detail) VALUES (?, ?, ?, ?)`).run(Date.now(), actor, action, JSON.stringify(detail));
}

/** The newest audit entries first. */
export function listAudit(db: CaseDatabase, limit = 200): AuditRow[] {
  return prepared(db, `SELECT * FROM audit ORDER BY id DESC LIMIT ?`).all(limit) as AuditRow[];
}
