/**
 * The parser behind the auth.log and syslog formats: each line's header (classic, ISO, TAI64N,
 * `<PRI>` RFC 3164 / RFC 5424, or an audit record) gives time, host and tag; the shared matcher finds
 * the logins in the message. Both formats accept every one of these line shapes, so a file that mixes
 * them (a relay's output, a test corpus) reads the same whichever of the two was chosen.
 */
import type { ParseOptions, ParseOutcome, Parser } from '../parser.js';
import { createAuditReader, isAuditLine } from './audit-records.js';
import { findingsToOutcome } from './auth-events.js';
import { createAuthMatcher } from './auth-messages.js';
import { splitTag } from './auth-source.js';
import { parsePrioritySyslog } from './rfc5424.js';
import { createSyslogClock, parseClassicSyslog, type HeaderResult } from './syslog-header.js';

const maxListedRollovers = 5;

/** A line parser for auth.log-like files and syslog streams. */
export function createLogLineParser(format: 'authlog' | 'syslog', options: ParseOptions): Parser {
  const clock = createSyslogClock(options.year, options.timeZone);
  const matcher = createAuthMatcher();
  const readAudit = createAuditReader();
  return {
    format,
    hasHeader: false,
    parse(text: string, line: number): ParseOutcome {
      if (isAuditLine(text)) {
        const audit = readAudit(text);
        if (!audit) return { kind: 'reject', reason: 'unreadable audit record' };
        return findingsToOutcome(audit.findings, audit.time, null);
      }
      const record: HeaderResult = text.charCodeAt(0) === 0x3c ? parsePrioritySyslog(text, clock, line) : parseClassicSyslog(text, 0, clock, line);
      if ('reason' in record) return { kind: 'reject', reason: record.reason };
      return findingsToOutcome(matcher(splitTag(record.tag, record.host, record.message)), record.time, record.host);
    },
    assumptions(): string[] {
      const listed = clock.rollovers.slice(0, maxListedRollovers);
      const more = clock.rollovers.length - listed.length;
      return more > 0 ? [...listed, `${more} more year roll-overs`] : listed;
    },
  };
}
