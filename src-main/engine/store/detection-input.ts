import type { DetectionLogin } from '../../../src-shared/detect/login.js';
import type { CaseDatabase } from './database.js';

/** A place of the `places` dictionary, as detection reads it. */
interface PlaceRow {
  id: number;
  country: string | null;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** A client of the `clients` dictionary, as detection reads it. */
interface ClientRow {
  id: number;
  browser: string | null;
  os: string | null;
  device_type: string | null;
}

/** The case's places and clients (a few hundred of each) as arrays indexed by id. */
export interface EventDictionaries {
  places: PlaceRow[];
  clients: ClientRow[];
}

/** One row of `event_rows` as detection reads it: id, ts, user, outcome, ip, network, asn, place id, client id. */
export type DetectionRow = [number, number, string, number, string | null, string | null, number | null, number | null, number | null];

const noPlace: Omit<PlaceRow, 'id'> = { country: null, region: null, city: null, latitude: null, longitude: null };
const noClient: Omit<ClientRow, 'id'> = { browser: null, os: null, device_type: null };

/** A dictionary table as an array indexed by id. */
function byId<T extends { id: number }>(rows: T[]): T[] {
  const table: T[] = [];
  for (const row of rows) table[row.id] = row;
  return table;
}

/** Read the places and clients dictionaries. */
export function loadEventDictionaries(db: CaseDatabase): EventDictionaries {
  return {
    places: byId(db.prepare(`SELECT id, country, region, city, latitude, longitude FROM places`).all() as PlaceRow[]),
    clients: byId(db.prepare(`SELECT id, browser, os, device_type FROM clients`).all() as ClientRow[]),
  };
}

/** Every event of the case as a row of ids and texts, in time order (ties by id), streamed. */
export function iterateDetectionRows(db: CaseDatabase): IterableIterator<DetectionRow> {
  return db.prepare(`SELECT id, ts, user, outcome, ip, network, asn, place_id, client_id FROM event_rows ORDER BY ts, id`).raw().iterate() as IterableIterator<DetectionRow>;
}

/**
 * A login from the facts of its row, its place and client looked up by id: every event of one place
 * shares its strings (hashed once for the many maps that key on them).
 */
export function detectionLogin(
  dictionaries: EventDictionaries,
  id: number,
  time: number,
  user: string,
  success: boolean,
  ip: string | null,
  network: string | null,
  asn: number | null,
  placeId: number | null,
  clientId: number | null,
): DetectionLogin {
  const place = (placeId === null ? undefined : dictionaries.places[placeId]) ?? noPlace;
  const client = (clientId === null ? undefined : dictionaries.clients[clientId]) ?? noClient;
  return {
    id,
    time,
    user,
    success,
    ip,
    network,
    asn,
    country: place.country,
    region: place.region,
    city: place.city,
    latitude: place.latitude,
    longitude: place.longitude,
    browser: client.browser,
    os: client.os,
    deviceType: client.device_type,
  };
}

/**
 * Every event of the case as detection reads it, in time order (ties by id), streamed. Rows come from
 * event_rows alone, as arrays; their places and clients are read once and looked up by id: a join per
 * row cost twice the read.
 */
export function* iterateDetectionLogins(db: CaseDatabase): Generator<DetectionLogin> {
  const dictionaries = loadEventDictionaries(db);
  for (const [id, time, user, outcome, ip, network, asn, placeId, clientId] of iterateDetectionRows(db)) {
    yield detectionLogin(dictionaries, id, time, user, outcome === 1, ip, network, asn, placeId, clientId);
  }
}

/** Ground-truth labels of the case's events, when the data carried any (for evaluation only). */
export function loadEventLabels(db: CaseDatabase): Map<number, string> {
  const rows = db.prepare(`SELECT id, label FROM events WHERE label IS NOT NULL`).all() as { id: number; label: string }[];
  return new Map(rows.map((row) => [row.id, row.label]));
}

/**
 * Number of events and their time span. Three subqueries on the table, not one on the events view: the
 * first and last time then come from the two ends of the time index instead of a scan of every row.
 */
export function eventSpan(db: CaseDatabase): { count: number; first: number | null; last: number | null } {
  return db
    .prepare(`SELECT (SELECT COUNT(*) FROM event_rows) AS count, (SELECT MIN(ts) FROM event_rows) AS first, (SELECT MAX(ts) FROM event_rows) AS last`)
    .get() as { count: number; first: number | null; last: number | null };
}
