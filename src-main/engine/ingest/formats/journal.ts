/**
 * The systemd journal as `journalctl -o json` exports it: one object per line with
 * __REALTIME_TIMESTAMP (µs since the epoch, as a string), _HOSTNAME, SYSLOG_IDENTIFIER or _COMM,
 * SYSLOG_PID or _PID, and MESSAGE (a string, or an array of bytes when it is not valid UTF-8 text).
 * The message goes to the same matcher as auth.log lines.
 */
import type { ParseOptions, ParseOutcome, Parser } from '../parser.js';
import { findingsToOutcome } from './auth-events.js';
import { createAuthMatcher } from './auth-messages.js';
import { splitTag } from './auth-source.js';
import { parseJsonObject } from './jsonl.js';

const decoder = new TextDecoder('utf-8');

/** A journal field as text: strings as they are, numbers as digits, byte arrays decoded as UTF-8. */
export function journalText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((byte) => Number.isInteger(byte) && byte >= 0 && byte <= 255)) {
    return decoder.decode(Uint8Array.from(value as number[]));
  }
  return null;
}

/** A parser for journal JSON export lines. Timestamps are absolute: no year or zone is assumed. */
export function createJournalParser(_options: ParseOptions): Parser {
  const matcher = createAuthMatcher();
  return {
    format: 'journal',
    hasHeader: false,
    parse(text: string): ParseOutcome {
      const line = parseJsonObject(text);
      if (line.reason !== undefined) return { kind: 'reject', reason: line.reason };
      const entry = line.object;
      const stamp = journalText(entry.__REALTIME_TIMESTAMP ?? entry._SOURCE_REALTIME_TIMESTAMP);
      const microseconds = stamp === null ? Number.NaN : Number(stamp);
      if (!Number.isFinite(microseconds)) return { kind: 'reject', reason: stamp === null ? 'missing __REALTIME_TIMESTAMP' : `unparseable time '${stamp}'` };
      const message = journalText(entry.MESSAGE);
      if (message === null) return { kind: 'ignored' };
      const program = journalText(entry.SYSLOG_IDENTIFIER) ?? journalText(entry._COMM) ?? '';
      const pid = journalText(entry.SYSLOG_PID) ?? journalText(entry._PID);
      const host = journalText(entry._HOSTNAME);
      const tag = pid ? `${program}[${pid}]` : program;
      return findingsToOutcome(matcher(splitTag(tag, host, message)), Math.floor(microseconds / 1000), host);
    },
    assumptions(): string[] {
      return [];
    },
  };
}
