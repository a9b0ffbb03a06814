import type { EventFilter } from '../../../../src-shared/api.js';
import type { CaseDatabase } from '../database.js';
import { riskCondition, type EventScoring } from './event-scoring.js';
import { ipCondition } from './ip-match.js';
import type { SqlCondition } from './sql-condition.js';

/**
 * The conditions of an event filter. Each is written so an index can answer it where one exists:
 * user → events_user_ts, ip/CIDR → events_ip (ranges), time → events_ts, risk → scores_run_risk.
 * A risk condition refers to `scores`, which the query must join (see event-scoring.ts).
 */
export function eventFilterConditions(db: CaseDatabase, filter: EventFilter, scoring: EventScoring | null = null): SqlCondition[] {
  const conditions: SqlCondition[] = [];
  if (filter.from !== undefined && filter.from !== null) conditions.push({ sql: 'ts >= ?', parameters: [filter.from] });
  if (filter.to !== undefined && filter.to !== null) conditions.push({ sql: 'ts < ?', parameters: [filter.to] });
  if (filter.user) conditions.push({ sql: 'user = ?', parameters: [filter.user] });
  if (filter.ip) conditions.push(inTimeOrderWhenDense(db, ipCondition(db, filter.ip)));
  if (filter.country) conditions.push({ sql: 'country = ?', parameters: [filter.country] });
  // A literal, not a parameter: only then can SQLite prove that `outcome = 0` matches the partial index on failures.
  if (filter.outcome) conditions.push({ sql: filter.outcome === 'success' ? 'outcome = 1' : 'outcome = 0', parameters: [] });
  if (filter.risk) conditions.push(riskCondition(scoring, filter.risk));
  if (filter.text) {
    // Raw lines are stored compressed in raw_blocks, so text search covers the stored text columns.
    const pattern = `%${filter.text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    const columns = ['user', 'ip', 'user_agent', 'host'];
    conditions.push({ sql: `(${columns.map((column) => `${column} LIKE ? ESCAPE '\\'`).join(' OR ')})`, parameters: columns.map(() => pattern) });
  }
  return conditions;
}

/** Matches above which an address filter is read in time order instead of through the address index. */
const denseMatches = 20_000;

/**
 * A wide CIDR block can match hundreds of thousands of events: found through events_ip they must all be
 * sorted by time before the first page. When a bounded probe finds that many, the condition is written
 * with `+ip` (which SQLite does not answer from an index), so the page is read along events_ts and stops
 * after its rows; a sparse block keeps the address index and sorts its few matches.
 */
function inTimeOrderWhenDense(db: CaseDatabase, condition: SqlCondition): SqlCondition {
  const probe = db.prepare(`SELECT COUNT(*) AS count FROM (SELECT 1 FROM events WHERE ${condition.sql} LIMIT ?)`).get(...condition.parameters, denseMatches) as {
    count: number;
  };
  return probe.count >= denseMatches ? { sql: condition.sql.replace(/\bip\b/g, '+ip'), parameters: condition.parameters } : condition;
}

/** A keyset cursor: the (time, id) of the last row of a page. */
export interface EventCursor {
  time: number;
  id: number;
}

/** Cursor → opaque string for the client. */
export function encodeCursor(cursor: EventCursor): string {
  return `${cursor.time}:${cursor.id}`;
}

/** Opaque string → cursor; null for a malformed string. */
export function decodeCursor(text: string): EventCursor | null {
  const match = /^(-?\d+):(\d+)$/.exec(text);
  return match ? { time: Number(match[1]), id: Number(match[2]) } : null;
}

/**
 * The condition "after the cursor" in the given order, written as `ts <= ? AND (ts < ? OR id < ?)`
 * rather than a row value so the planner uses the ts range of the index.
 */
export function afterCursorCondition(cursor: EventCursor, sort: 'asc' | 'desc'): SqlCondition {
  const ordering = sort === 'desc' ? '<' : '>';
  return {
    sql: `ts ${ordering}= ? AND (ts ${ordering} ? OR id ${ordering} ?)`,
    parameters: [cursor.time, cursor.time, cursor.id],
  };
}
