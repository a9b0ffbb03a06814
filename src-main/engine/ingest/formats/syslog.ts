/**
 * Syslog as a socket or relay delivers it: RFC 5424 (`<PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG`)
 * and RFC 3164 with a `<PRI>` prefix. The message goes to the same matcher as auth.log lines.
 */
import type { ParseOptions, Parser } from '../parser.js';
import { createLogLineParser } from './log-line-parser.js';

/** A parser for syslog lines with `<PRI>` (lines without it are read as auth.log lines). */
export function createSyslogParser(options: ParseOptions): Parser {
  return createLogLineParser('syslog', options);
}
