/**
 * What a cloud provider's reader makes of one record of its sign-in log, and the helpers they share.
 * A reader answers null for a record that is not its provider's, so the readers can be tried in turn.
 */
import { newEventInput, type LoginEventInput, type Outcome } from '../../../../src-shared/event.js';
import { countryCode } from './country-code.js';
import { asnValue, normaliseIp, numberValue, textValue, type CellValue } from './field-values.js';
import { parseIsoTime } from './time.js';

/** A JSON object of an export. */
export type CloudRecord = Record<string, unknown>;

/** One record read: a login, a valid record that is not a login, or why the login cannot be read. */
export type CloudReading = { kind: 'login'; event: LoginEventInput } | { kind: 'ignored' } | { kind: 'reject'; reason: string };

/** A provider's reader: null when the record is not this provider's. */
export type CloudReader = (record: CloudRecord) => CloudReading | null;

/** The value at the first of `paths` (dotted keys, numbers index arrays: 'events.0.name') that the record has. */
export function pick(record: CloudRecord, ...paths: string[]): CellValue {
  for (const path of paths) {
    let current: unknown = record;
    for (const key of path.split('.')) current = current !== null && typeof current === 'object' ? (current as CloudRecord)[key] : undefined;
    if (current !== undefined && current !== null) return current as CellValue;
  }
  return undefined;
}

/** The text at the first present path, or null. */
export function pickText(record: CloudRecord, ...paths: string[]): string | null {
  return textValue(pick(record, ...paths));
}

/** The facts a provider found, turned into an event; time and user are required. */
export interface CloudLoginFacts {
  time: CellValue;
  user: string | null;
  outcome: Outcome;
  ip?: string | null;
  country?: string | null;
  region?: string | null;
  city?: string | null;
  latitude?: CellValue;
  longitude?: CellValue;
  asn?: CellValue;
  userAgent?: string | null;
  browser?: string | null;
  os?: string | null;
  authMethod?: string | null;
  service: string;
  host?: string | null;
}

/** A login reading from a provider's facts, or a reject naming the missing or unreadable fact. */
export function cloudLogin(facts: CloudLoginFacts): CloudReading {
  const timeText = textValue(facts.time);
  if (timeText === null) return { kind: 'reject', reason: 'missing time' };
  const time = parseIsoTime(timeText, 'UTC');
  if (Number.isNaN(time)) return { kind: 'reject', reason: `unparseable time '${timeText.slice(0, 40)}'` };
  if (facts.user === null) return { kind: 'reject', reason: 'missing user' };
  const event = newEventInput(time, facts.user, facts.outcome);
  event.ip = normaliseIp(facts.ip ?? null);
  event.country = countryCode(facts.country ?? null);
  event.region = facts.region ?? null;
  event.city = facts.city ?? null;
  event.latitude = numberValue(facts.latitude);
  event.longitude = numberValue(facts.longitude);
  event.asn = asnValue(facts.asn);
  event.userAgent = facts.userAgent ?? null;
  event.authMethod = facts.authMethod ?? null;
  event.service = facts.service;
  event.host = facts.host ?? null;
  // A provider that names the browser and OS itself is believed over a guess from the user agent.
  if (facts.browser) event.browser = facts.browser;
  if (facts.os) event.os = facts.os;
  return { kind: 'login', event };
}

/** E-mail-like identities are case-insensitive at these providers: one person, one profile. */
export function identity(text: string | null): string | null {
  return text === null ? null : text.toLowerCase();
}
