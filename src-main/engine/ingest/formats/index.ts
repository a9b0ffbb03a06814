/**
 * The parsers of the input formats, by name.
 */
import type { FormatName } from '../../../../src-shared/event.js';
import type { ParseOptions, Parser } from '../parser.js';
import { createAuthLogParser } from './authlog.js';
import { createCloudParser } from './cloud.js';
import { createCsvParser } from './csv.js';
import { createJournalParser } from './journal.js';
import { createJsonLinesParser } from './jsonl.js';
import { createRbaParser } from './rba.js';
import { createSyslogParser } from './syslog.js';

export { guessMapping } from './column-mapping.js';

/** A fresh parser (with its own state) for one source in `format`. */
export function createParser(format: FormatName, options: ParseOptions): Parser {
  switch (format) {
    case 'rba':
      return createRbaParser();
    case 'csv':
      return createCsvParser(options);
    case 'jsonl':
      return createJsonLinesParser(options);
    case 'authlog':
      return createAuthLogParser(options);
    case 'syslog':
      return createSyslogParser(options);
    case 'journal':
      return createJournalParser(options);
    case 'cloud':
      return createCloudParser();
  }
}
