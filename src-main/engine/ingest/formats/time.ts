/**
 * Fast time helpers for the parsers: wall clock in an IANA zone → UTC milliseconds, month names,
 * and an ISO 8601 reader. No Date.parse on strings: it is slow and accepts too much.
 */

const hourMs = 3_600_000;
const dayMs = 86_400_000;
/** Offsets are cached per zone and quarter hour: zone transitions fall on quarter hours of UTC. */
const cacheSliceMs = 900_000;
const maxCachedSlices = 200_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCaches = new Map<string, Map<number, number>>();
let lastZone = '';
let lastSlice = Number.NaN;
let lastOffset = 0;

/** True for the zone names that are plain UTC, which need no lookup at all. */
export function isUtcZone(timeZone: string): boolean {
  return timeZone === 'UTC' || timeZone === 'Etc/UTC' || timeZone === 'GMT' || timeZone === 'Etc/GMT' || timeZone === 'Z';
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function computeOffset(timeZone: string, instant: number): number {
  const values: Record<string, number> = {};
  let bc = false;
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type === 'era') bc = part.value.startsWith('B');
    else if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  const year = bc ? 1 - values.year : values.year;
  const local = Date.UTC(year, values.month - 1, values.day, values.hour, values.minute, values.second);
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return local - wholeSecond;
}

/** The zone's offset from UTC (local − UTC, in ms) at a UTC instant. Cached per zone and quarter hour. */
export function zoneOffsetAt(timeZone: string, instant: number): number {
  if (isUtcZone(timeZone)) return 0;
  const slice = Math.floor(instant / cacheSliceMs);
  if (timeZone === lastZone && slice === lastSlice) return lastOffset;
  let cache = offsetCaches.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCaches.set(timeZone, cache);
  }
  let offset = cache.get(slice);
  if (offset === undefined) {
    if (cache.size >= maxCachedSlices) cache.clear();
    offset = computeOffset(timeZone, slice * cacheSliceMs);
    cache.set(slice, offset);
  }
  lastZone = timeZone;
  lastSlice = slice;
  lastOffset = offset;
  return offset;
}

/**
 * A wall-clock time in an IANA zone as UTC milliseconds (month 1–12).
 * An ambiguous time (the repeated hour when clocks go back) resolves to the earlier instant; a time that
 * does not exist (the skipped hour when clocks go forward) moves forward by the gap (02:30 → 03:30),
 * as Temporal's 'compatible' disambiguation does.
 */
export function wallClockToUtc(timeZone: string, year: number, month: number, day: number, hour: number, minute: number, second: number, millisecond: number): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  if (isUtcZone(timeZone)) return wall;
  const before = zoneOffsetAt(timeZone, wall - dayMs);
  const after = zoneOffsetAt(timeZone, wall + dayMs);
  if (before === after) return wall - before;
  const early = wall - before;
  const late = wall - after;
  const earlyValid = zoneOffsetAt(timeZone, early) === before;
  const lateValid = zoneOffsetAt(timeZone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  return early;
}

/** Days in a month (1–12) of a proleptic Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when the fields form a real calendar date and clock time (second 60 allowed for leap seconds). */
export function isValidDateTime(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 60;
}

/** Month number 1–12 of an English three-letter abbreviation at `start` (any case), or 0. */
export function monthFromAbbreviation(text: string, start: number): number {
  const first = text.charCodeAt(start) | 0x20;
  const second = text.charCodeAt(start + 1) | 0x20;
  const third = text.charCodeAt(start + 2) | 0x20;
  switch (first) {
    case 0x6a: // j
      if (second === 0x61 && third === 0x6e) return 1;
      if (second === 0x75 && third === 0x6e) return 6;
      if (second === 0x75 && third === 0x6c) return 7;
      return 0;
    case 0x66: // f
      return second === 0x65 && third === 0x62 ? 2 : 0;
    case 0x6d: // m
      if (second === 0x61 && third === 0x72) return 3;
      if (second === 0x61 && third === 0x79) return 5;
      return 0;
    case 0x61: // a
      if (second === 0x70 && third === 0x72) return 4;
      if (second === 0x75 && third === 0x67) return 8;
      return 0;
    case 0x73: // s
      return second === 0x65 && third === 0x70 ? 9 : 0;
    case 0x6f: // o
      return second === 0x63 && third === 0x74 ? 10 : 0;
    case 0x6e: // n
      return second === 0x6f && third === 0x76 ? 11 : 0;
    case 0x64: // d
      return second === 0x65 && third === 0x63 ? 12 : 0;
    default:
      return 0;
  }
}

/** The value of `count` decimal digits at `start`, or -1 when any of them is not a digit. */
export function readDigits(text: string, start: number, count: number): number {
  let value = 0;
  for (let index = start; index < start + count; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Result of reading a time inside a longer text: UTC ms and where the time ended. */
export interface TimeRead {
  time: number;
  end: number;
}

/**
 * Read an ISO 8601 / RFC 3339 date-time at `start`: `YYYY-MM-DD[T ]HH:MM[:SS[.fff…]][Z|±HH[:MM]]`,
 * also `/` as date separator and a date alone. A time without zone is wall clock in `timeZone`.
 * Returns null when the text there is not such a time. Only the first three fraction digits count.
 */
export function readIsoTime(text: string, start: number, timeZone: string): TimeRead | null {
  const year = readDigits(text, start, 4);
  const separator = text.charCodeAt(start + 4);
  if (year < 0 || (separator !== 0x2d && separator !== 0x2f) || text.charCodeAt(start + 7) !== separator) return null;
  const month = readDigits(text, start + 5, 2);
  const day = readDigits(text, start + 8, 2);
  if (month < 0 || day < 0) return null;
  let index = start + 10;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millisecond = 0;
  const divider = text.charCodeAt(index);
  const hasClock = (divider === 0x54 || divider === 0x74 || divider === 0x20) && readDigits(text, index + 1, 2) >= 0 && text.charCodeAt(index + 3) === 0x3a;
  if (hasClock) {
    hour = readDigits(text, index + 1, 2);
    minute = readDigits(text, index + 4, 2);
    if (minute < 0) return null;
    index += 6;
    if (text.charCodeAt(index) === 0x3a) {
      second = readDigits(text, index + 1, 2);
      if (second < 0) return null;
      index += 3;
      const mark = text.charCodeAt(index);
      if (mark === 0x2e || mark === 0x2c) {
        index++;
        let scale = 100;
        const fractionStart = index;
        for (let digit = text.charCodeAt(index) - 48; digit >= 0 && digit <= 9; digit = text.charCodeAt(++index) - 48) {
          millisecond += digit * scale;
          scale /= 10;
        }
        if (index === fractionStart) return null;
        millisecond = Math.floor(millisecond);
      }
    }
  }
  if (!isValidDateTime(year, month, day, hour, minute, second)) return null;
  const zoneMark = text.charCodeAt(index);
  if (hasClock && (zoneMark === 0x5a || zoneMark === 0x7a)) {
    return { time: Date.UTC(year, month - 1, day, hour, minute, second, millisecond), end: index + 1 };
  }
  if (hasClock && (zoneMark === 0x2b || zoneMark === 0x2d)) {
    const offsetHours = readDigits(text, index + 1, 2);
    if (offsetHours < 0 || offsetHours > 23) return null;
    let offsetMinutes = 0;
    let end = index + 3;
    if (text.charCodeAt(end) === 0x3a) {
      offsetMinutes = readDigits(text, end + 1, 2);
      end += 3;
    } else if (readDigits(text, end, 2) >= 0) {
      offsetMinutes = readDigits(text, end, 2);
      end += 2;
    }
    if (offsetMinutes < 0 || offsetMinutes > 59) return null;
    const sign = zoneMark === 0x2b ? 1 : -1;
    const utc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - sign * (offsetHours * hourMs + offsetMinutes * 60_000);
    return { time: utc, end };
  }
  return { time: wallClockToUtc(timeZone, year, month, day, hour, minute, second, millisecond), end: index };
}

/** A whole text as an ISO 8601 time (see readIsoTime), or NaN. Surrounding spaces are allowed. */
export function parseIsoTime(text: string, timeZone: string): number {
  const trimmed = text.trim();
  const read = readIsoTime(trimmed, 0, timeZone);
  return read && read.end === trimmed.length ? read.time : Number.NaN;
}

/**
 * An epoch number as UTC ms, its unit guessed from its size: seconds below 1e11 (before year 5138),
 * milliseconds below 1e14, then microseconds, then nanoseconds.
 */
export function epochToMs(value: number): number {
  const size = Math.abs(value);
  if (size < 1e11) return Math.round(value * 1000);
  if (size < 1e14) return Math.round(value);
  if (size < 1e17) return Math.round(value / 1000);
  return Math.round(value / 1e6);
}
