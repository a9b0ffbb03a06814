/**
 * The header of a classic (BSD, RFC 3164-style) syslog line as files hold it:
 * `Mmm dd hh:mm:ss host tag: message`, or with an ISO 8601 timestamp as rsyslog writes it, or a TAI64N
 * label as daemontools' multilog writes it. The host may be missing (`Mmm dd hh:mm:ss sshd[1]: …`).
 */
import { isValidDateTime, monthFromAbbreviation, readDigits, readIsoTime, wallClockToUtc } from './time.js';

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** One syslog line split into its parts. */
export interface SyslogRecord {
  /** UTC ms. */
  time: number;
  /** The logging host, null when the line has none. */
  host: string | null;
  /** The tag as written: 'sshd[123]', 'sshd(pam_unix)[19939]', 'dovecot', ''. */
  tag: string;
  message: string;
}

/**
 * Year and zone for timestamps that carry neither, with year roll-over: when the month jumps back by
 * six months or more between lines (Dec → Jan), the year goes up. A smaller step back is taken as
 * lines written slightly out of order, not as a new year.
 */
export interface SyslogClock {
  year: number;
  readonly timeZone: string;
  lastMonth: number;
  rollovers: string[];
}

/** A clock starting at `year` in `timeZone`. */
export function createSyslogClock(year: number, timeZone: string): SyslogClock {
  return { year, timeZone, lastMonth: 0, rollovers: [] };
}

/** A reject reason, or a record. */
export type HeaderResult = SyslogRecord | { reason: string };

/** Parse a classic syslog line from `start` (after any `<PRI>`). */
export function parseClassicSyslog(text: string, start: number, clock: SyslogClock, lineNumber: number): HeaderResult {
  const stamp = readTimestamp(text, start, clock, lineNumber);
  if ('reason' in stamp) return stamp;
  let index = stamp.end;
  if (text.charCodeAt(index) !== 0x20) return { reason: 'not a syslog line' };
  while (text.charCodeAt(index) === 0x20) index++;
  return { time: stamp.time, ...splitHostAndTag(text, index) };
}

interface Stamp {
  time: number;
  end: number;
}

function readTimestamp(text: string, start: number, clock: SyslogClock, lineNumber: number): Stamp | { reason: string } {
  const first = text.charCodeAt(start);
  if (first >= 0x30 && first <= 0x39) {
    const read = readIsoTime(text, start, clock.timeZone);
    return read ?? { reason: 'not a syslog line' };
  }
  if (first === 0x40) return readTai64n(text, start);
  const month = monthFromAbbreviation(text, start);
  if (month === 0 || text.charCodeAt(start + 3) !== 0x20) return { reason: 'not a syslog line' };
  let index = start + 4;
  if (text.charCodeAt(index) === 0x20) index++;
  let day = readDigits(text, index, 2);
  if (day >= 0) index += 2;
  else {
    day = readDigits(text, index, 1);
    index += 1;
  }
  if (day < 0 || text.charCodeAt(index) !== 0x20 || text.charCodeAt(index + 3) !== 0x3a || text.charCodeAt(index + 6) !== 0x3a) {
    return { reason: 'not a syslog line' };
  }
  const hour = readDigits(text, index + 1, 2);
  const minute = readDigits(text, index + 4, 2);
  const second = readDigits(text, index + 7, 2);
  if ((hour | minute | second) < 0) return { reason: 'not a syslog line' };
  index += 9;
  let millisecond = 0;
  if (text.charCodeAt(index) === 0x2e) {
    let scale = 100;
    for (let digit = text.charCodeAt(++index) - 48; digit >= 0 && digit <= 9; digit = text.charCodeAt(++index) - 48) {
      millisecond += digit * scale;
      scale /= 10;
    }
    millisecond = Math.floor(millisecond);
  }
  advanceYear(clock, month, lineNumber);
  if (!isValidDateTime(clock.year, month, day, hour, minute, second)) {
    return { reason: `unparseable time '${text.slice(start, index)}' in year ${clock.year}` };
  }
  return { time: wallClockToUtc(clock.timeZone, clock.year, month, day, hour, minute, second, millisecond), end: index };
}

function advanceYear(clock: SyslogClock, month: number, lineNumber: number): void {
  if (clock.lastMonth - month >= 6) {
    clock.year++;
    clock.rollovers.push(`year rolled over to ${clock.year} at line ${lineNumber} (${monthNames[clock.lastMonth - 1]} → ${monthNames[month - 1]})`);
  }
  clock.lastMonth = month;
}

/**
 * A TAI64N label (`@4000000058a4c2c71a2b3c4d`) as UTC ms: libtai's convention, label = 2^62 + 10 + Unix
 * seconds (leap seconds since 1972 are not applied, as multilog's own tai64nlocal does not).
 */
function readTai64n(text: string, start: number): Stamp | { reason: string } {
  const label = text.slice(start + 1, start + 25);
  if (!/^4[0-9a-f]{23}$/i.test(label)) return { reason: 'not a syslog line' };
  const seconds = Number.parseInt(label.slice(1, 16), 16) - 10;
  const nanoseconds = Number.parseInt(label.slice(16), 16);
  return { time: seconds * 1000 + Math.floor(nanoseconds / 1e6), end: start + 25 };
}

/** The longest tag accepted; longer text before ': ' is message, not a tag. */
const maxTagLength = 128;

/**
 * Host and tag after the timestamp. A first word that ends in ':' or is '[name]' is the tag itself
 * (no host). Otherwise the first word is the host and the tag runs to the first ': '.
 */
export function splitHostAndTag(text: string, start: number): { host: string | null; tag: string; message: string } {
  let wordEnd = text.indexOf(' ', start);
  if (wordEnd < 0) wordEnd = text.length;
  const last = text.charCodeAt(wordEnd - 1);
  if (last === 0x3a && wordEnd - start > 1) {
    return { host: null, tag: text.slice(start, wordEnd - 1), message: text.slice(wordEnd + 1) };
  }
  if (text.charCodeAt(start) === 0x5b && last === 0x5d) {
    return { host: null, tag: text.slice(start, wordEnd), message: text.slice(wordEnd + 1) };
  }
  const host = text.slice(start, wordEnd);
  let tagStart = wordEnd;
  while (text.charCodeAt(tagStart) === 0x20) tagStart++;
  let colon = text.indexOf(': ', tagStart);
  if (colon < 0 && text.endsWith(':')) colon = text.length - 1;
  if (colon < 0 || colon - tagStart > maxTagLength) return { host, tag: '', message: text.slice(tagStart) };
  return { host, tag: text.slice(tagStart, colon), message: text.slice(colon + 2) };
}
