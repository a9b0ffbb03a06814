import type { EventDetail, EventFilter, EventPage, EventRow, PageRequest } from '../../../../src-shared/api.js';
import type { LoginEvent } from '../../../../src-shared/event.js';
import type { CaseDatabase } from '../database.js';
import { rawLine } from '../raw-lines.js';
import { afterCursorCondition, decodeCursor, encodeCursor, eventFilterConditions } from './event-filter.js';
import { eventScore } from './event-scores.js';
import { currentScoring, scoreJoin, type EventScoring } from './event-scoring.js';
import { toRiskLevel } from './model-runs.js';
import { whereClause } from './sql-condition.js';

/** Rows counted at most for a page's total; beyond it the total is "at least". */
export const totalCountLimit = 10_000;

/** The SQL column list of an EventRow, shared by the query modules that list events. */
export const eventRowColumns = `id, ts, user, outcome, ip, network, country, region, city, asn, browser, os, device_type, service, auth_method, label`;

/** An events row as SELECTed with eventRowColumns. */
export interface EventRowRecord {
  id: number;
  ts: number;
  user: string;
  outcome: number;
  ip: string | null;
  network: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  asn: number | null;
  browser: string | null;
  os: string | null;
  device_type: string | null;
  service: string | null;
  auth_method: string | null;
  label: string | null;
  /** Present when selected with a score join (see event-scoring.ts). */
  risk_score?: number | null;
  risk_level?: string | null;
}

interface EventRecord extends EventRowRecord {
  latitude: number | null;
  longitude: number | null;
  user_agent: string | null;
  host: string | null;
  rtt_ms: number | null;
  source_id: number;
  line: number;
  record: number;
}

/** A stored row → the table row the UI shows. */
export function toEventRow(record: EventRowRecord): EventRow {
  return {
    id: record.id,
    time: record.ts,
    user: record.user,
    outcome: record.outcome === 1 ? 'success' : 'failure',
    ip: record.ip,
    network: record.network,
    country: record.country,
    region: record.region,
    city: record.city,
    asn: record.asn,
    browser: record.browser,
    os: record.os,
    deviceType: record.device_type,
    service: record.service,
    authMethod: record.auth_method,
    label: record.label,
    risk: record.risk_level ? toRiskLevel(record.risk_level) : null,
    riskScore: record.risk_score ?? null,
  };
}

/** One page of events matching a filter, keyset-paged on (ts, id) in the filter's order, with the newest complete run's risk. */
export function queryEvents(db: CaseDatabase, filter: EventFilter, page: PageRequest): EventPage {
  const sort = filter.sort ?? 'desc';
  const scoring = currentScoring(db);
  const conditions = eventFilterConditions(db, filter, scoring);
  const cursor = page.after ? decodeCursor(page.after) : null;
  const where = whereClause(cursor ? [...conditions, afterCursorCondition(cursor, sort)] : conditions);
  const join = scoreJoin(scoring, { forceEventsFirst: filter.risk !== undefined });
  const direction = sort === 'desc' ? 'DESC' : 'ASC';
  // One extra row tells whether there is a next page without counting.
  const records = db
    .prepare(`SELECT ${eventRowColumns}, ${join.columns} FROM events ${join.join} ${where.sql} ORDER BY ts ${direction}, id ${direction} LIMIT ?`)
    .all(...join.parameters, ...where.parameters, page.limit + 1) as EventRowRecord[];
  const more = records.length > page.limit;
  const rows = records.slice(0, page.limit).map(toEventRow);
  const last = rows[rows.length - 1];
  return {
    rows,
    nextCursor: more && last ? encodeCursor({ time: last.time, id: last.id }) : null,
    total: page.after ? null : countMatching(db, filter, scoring),
  };
}

/** How many events match, counting at most totalCountLimit rows. */
export function countMatching(db: CaseDatabase, filter: EventFilter, scoring: EventScoring | null = currentScoring(db)): { count: number; exact: boolean } {
  const conditions = eventFilterConditions(db, filter, scoring);
  // With a risk filter the scores_run_risk index finds the matches; the other conditions are checked per match.
  const fromScores = filter.risk !== undefined && scoring !== null;
  const where = whereClause(fromScores ? [{ sql: 'scores.run_id = ?', parameters: [scoring.runId] }, ...conditions] : conditions);
  const from = fromScores ? 'scores CROSS JOIN events ON events.id = scores.event_id' : 'events';
  const row = db
    .prepare(`SELECT COUNT(*) AS count FROM (SELECT 1 FROM ${from} ${where.sql} LIMIT ?)`)
    .get(...where.parameters, totalCountLimit + 1) as { count: number };
  return row.count > totalCountLimit ? { count: totalCountLimit, exact: false } : { count: row.count, exact: true };
}

/** One event in full with its source and its score by the newest complete run; null when the id does not exist. */
export function getEvent(db: CaseDatabase, id: number): EventDetail | null {
  const record = db.prepare(`SELECT * FROM events WHERE id = ?`).get(id) as EventRecord | undefined;
  if (!record) return null;
  const source = db.prepare(`SELECT id, name, format FROM sources WHERE id = ?`).get(record.source_id) as
    | { id: number; name: string; format: string }
    | undefined;
  // An empty raw text means the line was not kept (e.g. a case written before raw blocks existed).
  const scoring = currentScoring(db);
  return {
    event: { ...toLoginEvent(record), raw: rawLine(db, record.source_id, record.line) ?? '' },
    source: source ?? null,
    score: scoring ? eventScore(db, scoring.runId, id) : null,
  };
}

function toLoginEvent(record: EventRecord): LoginEvent {
  return {
    id: record.id,
    time: record.ts,
    user: record.user,
    outcome: record.outcome === 1 ? 'success' : 'failure',
    ip: record.ip,
    network: record.network,
    country: record.country,
    region: record.region,
    city: record.city,
    latitude: record.latitude,
    longitude: record.longitude,
    asn: record.asn,
    userAgent: record.user_agent,
    browser: record.browser,
    os: record.os,
    deviceType: record.device_type,
    authMethod: record.auth_method,
    service: record.service,
    host: record.host,
    roundTripMs: record.rtt_ms,
    label: record.label,
    sourceId: record.source_id,
    line: record.line,
    record: record.record,
    raw: '',
  };
}
