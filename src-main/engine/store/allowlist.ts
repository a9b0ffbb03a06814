import type { AllowListEntry, AllowListInput, AllowListKind } from '../../../src-shared/api/allowlist.js';
import { createAllowListMatcher, normaliseAllowListValue, type AllowListMatcher } from '../../../src-shared/allowlist/allow-list.js';
import { recordAudit } from './audit.js';
import type { CaseDatabase } from './database.js';
import type { SqlCondition } from './queries/sql-condition.js';

interface AllowListRow {
  id: number;
  kind: AllowListKind;
  value: string;
  note: string;
  created_at: number;
  created_by: string;
}

/** The case's allow-list, oldest entry first. */
export function listAllowList(db: CaseDatabase): AllowListEntry[] {
  const rows = db.prepare(`SELECT * FROM allowlist ORDER BY id`).all() as AllowListRow[];
  return rows.map((row) => ({ id: row.id, kind: row.kind, value: row.value, note: row.note, createdAt: row.created_at, createdBy: row.created_by }));
}

/** Thrown for a value that is not one of its kind (a ValidationError at the contract). */
export class AllowListValueError extends Error {
  override name = 'ValidationError';
}

/**
 * Add an entry (its value normalised: a block's host bits cleared, an ASN without "AS"); an entry that is
 * already there is returned as it is, with its original note. Audited.
 */
export function addAllowListEntry(db: CaseDatabase, input: AllowListInput, actor: string): AllowListEntry {
  let value: string;
  try {
    value = normaliseAllowListValue(input.kind, input.value);
  } catch (error) {
    throw new AllowListValueError((error as Error).message);
  }
  const existing = db.prepare(`SELECT id FROM allowlist WHERE kind = ? AND value = ?`).pluck().get(input.kind, value) as number | undefined;
  if (existing === undefined) {
    db.transaction(() => {
      db.prepare(`INSERT INTO allowlist (kind, value, note, created_at, created_by) VALUES (?, ?, ?, ?, ?)`).run(input.kind, value, input.note.trim(), Date.now(), actor);
      recordAudit(db, actor, 'allowlist.add', { kind: input.kind, value, note: input.note.trim() });
    })();
  }
  return listAllowList(db).find((entry) => entry.kind === input.kind && entry.value === value)!;
}

/** Remove an entry; false when there was none with that id. Audited. */
export function removeAllowListEntry(db: CaseDatabase, id: number, actor: string): boolean {
  const entry = listAllowList(db).find((candidate) => candidate.id === id);
  if (!entry) return false;
  db.transaction(() => {
    db.prepare(`DELETE FROM allowlist WHERE id = ?`).run(id);
    recordAudit(db, actor, 'allowlist.remove', { kind: entry.kind, value: entry.value, note: entry.note });
  })();
  return true;
}

/** The matcher over the case's allow-list as it is now. */
export function allowListMatcher(db: CaseDatabase): AllowListMatcher {
  return createAllowListMatcher(listAllowList(db));
}

/** Each connection's current matcher, read by the SQL function registered on it. */
const matchers = new WeakMap<CaseDatabase, AllowListMatcher>();
const sqlFunction = 'vigil_allow_listed';

/**
 * A condition keeping only events the allow-list does not cover, over the `events` table's columns;
 * null when the list is empty (no cost at all). Reads the list afresh, so a change made through another
 * connection holds from the next query on.
 */
export function notAllowListed(db: CaseDatabase): SqlCondition | null {
  const entries = listAllowList(db);
  if (entries.length === 0) return null;
  if (!matchers.has(db)) {
    db.function(sqlFunction, { varargs: false }, (user: unknown, ip: unknown, asn: unknown, country: unknown) =>
      matchers.get(db)!({ user: String(user), ip: typeof ip === 'string' ? ip : null, asn: typeof asn === 'number' || typeof asn === 'bigint' ? Number(asn) : null, country: typeof country === 'string' ? country : null })
        ? 1
        : 0,
    );
  }
  matchers.set(db, createAllowListMatcher(entries));
  return { sql: `${sqlFunction}(events.user, events.ip, events.asn, events.country) = 0`, parameters: [] };
}
