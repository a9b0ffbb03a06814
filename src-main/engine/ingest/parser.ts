import type { FormatName, LoginEventInput } from '../../../src-shared/event.js';

/** What a parser makes of one line (or one record) of input. */
export type ParseOutcome =
  /** One or more login events (auth.log "message repeated N times" yields N). */
  | { kind: 'events'; events: LoginEventInput[] }
  /** A line that is valid but not a login (cron, kernel, a header): counted as ignored, not rejected. */
  | { kind: 'ignored' }
  /** A line that could not be parsed: stored with its line number and this reason. */
  | { kind: 'reject'; reason: string };

/** Options a user gives for formats that leave facts out of the log. */
export interface ParseOptions {
  /** IANA time zone for timestamps without a zone (classic syslog, naive CSV times). Default 'UTC'. */
  timeZone: string;
  /** Year for timestamps without a year (classic syslog). Default: the current year. */
  year: number;
  /** Generic CSV/JSON: event field → column/key name, overriding the guess from the header. */
  mapping: Partial<Record<MappableField, string>>;
}

/** Event fields a generic CSV/JSON mapping can fill. */
export type MappableField =
  | 'time'
  | 'user'
  | 'outcome'
  | 'ip'
  | 'country'
  | 'region'
  | 'city'
  | 'latitude'
  | 'longitude'
  | 'asn'
  | 'userAgent'
  | 'authMethod'
  | 'service'
  | 'host'
  | 'roundTripMs'
  | 'label';

/**
 * A parser for one source. It is fed the file's lines in order and may keep state
 * (a CSV header, the last timestamp for year roll-over).
 */
export interface Parser {
  readonly format: FormatName;
  /** True when the first non-empty line is a header and data records are counted after it. */
  readonly hasHeader: boolean;
  /** Called with the header line before any data line (only when hasHeader). Throws when the header is unusable. */
  header?(line: string): void;
  /** Parse one data line. `line` is the 1-based line number in the file. */
  parse(text: string, line: number): ParseOutcome;
  /** Facts the parser assumed, for the import summary (e.g. "year 2026 (default)", "time zone UTC"). */
  assumptions(): string[];
}
