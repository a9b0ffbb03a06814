/**
 * Syslog as a socket or relay delivers it: RFC 5424 (`<PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG`)
 * and RFC 3164 with a `<PRI>` prefix. The message goes to the same matcher as auth.log lines, except
 * a CEE message (`@cee: {json}`), which states its login as JSON fields.
 */
import type { ParseOptions, ParseOutcome, Parser } from '../parser.js';
import { splitTag } from './auth-source.js';
import { ceeCookie, isCeeMessage, parseCeeMessage } from './cee.js';
import { createLogLineParser } from './log-line-parser.js';
import { parsePrioritySyslog } from './rfc5424.js';
import { createSyslogClock, parseClassicSyslog, type SyslogClock } from './syslog-header.js';

/** A parser for syslog lines with `<PRI>` (lines without it are read as auth.log lines), and CEE messages in either. */
export function createSyslogParser(options: ParseOptions): Parser {
  const lines = createLogLineParser('syslog', options);
  // Its own clock: the line parser's is private. Only CEE lines move it (RFC 3164 year roll-over).
  const clock = createSyslogClock(options.year, options.timeZone);
  return {
    format: lines.format,
    hasHeader: lines.hasHeader,
    parse(text: string, line: number): ParseOutcome {
      // The cheap test first: only a line holding the cookie after a space can be a CEE message.
      const cee = text.includes(` ${ceeCookie}`) ? parseCeeLine(text, line, clock, options.timeZone) : null;
      return cee ?? lines.parse(text, line);
    },
    assumptions: () => lines.assumptions(),
  };
}

/** The outcome of a syslog line whose message is a CEE message; null for any other line. */
function parseCeeLine(text: string, line: number, clock: SyslogClock, timeZone: string): ParseOutcome | null {
  const record = text.charCodeAt(0) === 0x3c ? parsePrioritySyslog(text, clock, line) : parseClassicSyslog(text, 0, clock, line);
  if ('reason' in record || !isCeeMessage(record.message)) return null;
  const { program } = splitTag(record.tag, record.host, record.message);
  return parseCeeMessage(record.message, { time: record.time, host: record.host, program }, timeZone);
}
