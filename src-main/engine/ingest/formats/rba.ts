/**
 * The Kaggle "RBA dataset" CSV (risk-based authentication, das-group). This is the bulk path:
 * millions of rows, so each row is split once into bounds, only the used fields become strings,
 * and the time is read from char codes.
 */
import type { LoginEventInput } from '../../../../src-shared/event.js';
import type { ParseOutcome, Parser } from '../parser.js';
import { createFieldBounds, fieldIsEmpty, fieldText, splitFields, type FieldBounds } from './csv-fields.js';
import { isValidDateTime, readDigits } from './time.js';

/** The exact header of the dataset. */
export const rbaHeader =
  'index,Login Timestamp,User ID,Round-Trip Time [ms],IP Address,Country,Region,City,ASN,User Agent String,Browser Name and Version,OS Name and Version,Device Type,Login Successful,Is Attack IP,Is Account Takeover';

const columnCount = 16;
const column = {
  time: 1,
  user: 2,
  roundTrip: 3,
  ip: 4,
  country: 5,
  region: 6,
  city: 7,
  asn: 8,
  userAgent: 9,
  browser: 10,
  os: 11,
  deviceType: 12,
  success: 13,
  attackIp: 14,
  takeover: 15,
} as const;

const comma = 0x2c;

/** A parser for RBA-dataset rows. Its Login Timestamp is UTC, whatever time zone the user gave. */
export function createRbaParser(): Parser {
  const bounds = createFieldBounds(columnCount);
  const dayCache = { key: -1, ms: 0 };
  return {
    format: 'rba',
    hasHeader: true,
    header(line: string): void {
      const text = line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
      if (text.trim() !== rbaHeader) throw new Error(`not the RBA dataset header (expected '${rbaHeader.slice(0, 40)}…')`);
    },
    parse(text: string): ParseOutcome {
      return parseRbaRow(text, bounds, dayCache);
    },
    assumptions(): string[] {
      return ['RBA Login Timestamp read as UTC (the dataset is in UTC; --tz does not apply)'];
    },
  };
}

function parseRbaRow(text: string, bounds: FieldBounds, dayCache: { key: number; ms: number }): ParseOutcome {
  const problem = splitFields(text, comma, bounds);
  if (problem) return { kind: 'reject', reason: problem };
  if (bounds.count !== columnCount) return { kind: 'reject', reason: `expected ${columnCount} columns, found ${bounds.count}` };
  const time = readRbaTime(text, bounds.starts[column.time], bounds.ends[column.time], dayCache);
  if (Number.isNaN(time)) return { kind: 'reject', reason: `unparseable time '${fieldText(text, bounds, column.time)}'` };
  if (fieldIsEmpty(bounds, column.user)) return { kind: 'reject', reason: 'missing user' };
  const success = readBoolean(text, bounds, column.success);
  if (success === null) return { kind: 'reject', reason: `unknown outcome '${fieldText(text, bounds, column.success)}'` };
  const takeover = readBoolean(text, bounds, column.takeover);
  const attackIp = readBoolean(text, bounds, column.attackIp);
  if (takeover === null || attackIp === null) return { kind: 'reject', reason: 'Is Attack IP / Is Account Takeover must be True or False' };
  const asn = readInteger(text, bounds.starts[column.asn], bounds.ends[column.asn]);
  const event: LoginEventInput = {
    time,
    user: fieldText(text, bounds, column.user),
    outcome: success ? 'success' : 'failure',
    ip: optionalText(text, bounds, column.ip),
    country: optionalText(text, bounds, column.country),
    region: optionalText(text, bounds, column.region),
    city: optionalText(text, bounds, column.city),
    latitude: null,
    longitude: null,
    asn,
    userAgent: optionalText(text, bounds, column.userAgent),
    authMethod: 'password',
    service: 'web',
    host: null,
    roundTripMs: fieldIsEmpty(bounds, column.roundTrip) ? null : readNumber(fieldText(text, bounds, column.roundTrip)),
    label: takeover ? 'account_takeover' : attackIp ? 'attack_ip' : 'normal',
    browser: optionalText(text, bounds, column.browser),
    os: optionalText(text, bounds, column.os),
    deviceType: optionalText(text, bounds, column.deviceType),
  };
  return { kind: 'events', events: [event] };
}

/** Empty and '-' (the dataset's "unknown") are null. */
function optionalText(text: string, bounds: FieldBounds, index: number): string | null {
  const start = bounds.starts[index];
  const end = bounds.ends[index];
  if (start === end || (end - start === 1 && text.charCodeAt(start) === 0x2d)) return null;
  return fieldText(text, bounds, index);
}

/** 'True' / 'False' (also lower case, 1 / 0), else null. */
function readBoolean(text: string, bounds: FieldBounds, index: number): boolean | null {
  const start = bounds.starts[index];
  const length = bounds.ends[index] - start;
  const first = text.charCodeAt(start) | 0x20;
  if (length === 4 && first === 0x74 && (text.charCodeAt(start + 3) | 0x20) === 0x65) return true;
  if (length === 5 && first === 0x66 && (text.charCodeAt(start + 4) | 0x20) === 0x65) return false;
  if (length === 1 && first === 0x31) return true;
  if (length === 1 && first === 0x30) return false;
  return null;
}

function readInteger(text: string, start: number, end: number): number | null {
  if (start === end) return null;
  let value = 0;
  for (let index = start; index < end; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return readNumber(text.slice(start, end));
    value = value * 10 + digit;
  }
  return value;
}

function readNumber(value: string): number | null {
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/**
 * `YYYY-MM-DD HH:MM:SS[.fff]` as UTC ms, or NaN. The day's start is cached: rows come in time order,
 * so most rows share the previous row's date.
 */
function readRbaTime(text: string, start: number, end: number, dayCache: { key: number; ms: number }): number {
  if (end - start < 19 || text.charCodeAt(start + 4) !== 0x2d || text.charCodeAt(start + 7) !== 0x2d || text.charCodeAt(start + 13) !== 0x3a || text.charCodeAt(start + 16) !== 0x3a) {
    return Number.NaN;
  }
  const divider = text.charCodeAt(start + 10);
  if (divider !== 0x20 && divider !== 0x54) return Number.NaN;
  const year = readDigits(text, start, 4);
  const month = readDigits(text, start + 5, 2);
  const day = readDigits(text, start + 8, 2);
  const hour = readDigits(text, start + 11, 2);
  const minute = readDigits(text, start + 14, 2);
  const second = readDigits(text, start + 17, 2);
  if ((year | month | day | hour | minute | second) < 0) return Number.NaN;
  let millisecond = 0;
  if (end - start > 19) {
    if (text.charCodeAt(start + 19) !== 0x2e) return Number.NaN;
    let scale = 100;
    for (let index = start + 20; index < end; index++) {
      const digit = text.charCodeAt(index) - 48;
      if (digit < 0 || digit > 9) return Number.NaN;
      millisecond += digit * scale;
      scale /= 10;
    }
    millisecond = Math.floor(millisecond);
  }
  const key = year * 10_000 + month * 100 + day;
  if (key !== dayCache.key) {
    if (!isValidDateTime(year, month, day, hour, minute, second)) return Number.NaN;
    dayCache.key = key;
    dayCache.ms = Date.UTC(year, month - 1, day);
  } else if (hour > 23 || minute > 59 || second > 60) {
    return Number.NaN;
  }
  return dayCache.ms + hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond;
}
