/**
 * Linux auth.log / secure / messages: classic syslog lines (`Mmm dd hh:mm:ss host prog[pid]: msg`, or the
 * ISO 8601 timestamps rsyslog writes). A classic timestamp has no year and no zone: they come from the
 * options (the importer states which it used), and the year goes up when the months wrap (Dec → Jan).
 */
import type { ParseOptions, Parser } from '../parser.js';
import { createLogLineParser } from './log-line-parser.js';

/** A parser for auth.log-like files. */
export function createAuthLogParser(options: ParseOptions): Parser {
  return createLogLineParser('authlog', options);
}
