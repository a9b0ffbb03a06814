/**
 * CEE structured logins in syslog: a message that is the cookie `@cee:` and one JSON object, as
 * rsyslog's mmjsonparse and liblognorm read it (Lumberjack / CEE log syntax). It says what an sshd line
 * cannot: the client's user agent and place. Its keys are found as the JSON-lines importer finds them
 * (time, user, ip, outcome, user_agent, country, region, city, asn, …), guessed per message, since one
 * socket may carry the messages of several systems.
 */
import type { MappableField, ParseOutcome } from '../parser.js';
import { missingRequiredFields, resolveMapping, type ColumnMapping } from './column-mapping.js';
import type { CellValue } from './field-values.js';
import { keyPaths, parseJsonObject, valueAtPath } from './jsonl.js';
import { mappedEvent } from './mapped-event.js';

/** The cookie that starts a CEE message. */
export const ceeCookie = '@cee:';

/** What the syslog header said about a CEE message: used where the JSON is silent. */
export interface CeeHeader {
  /** UTC ms of the syslog timestamp. */
  time: number;
  host: string | null;
  /** Program of the tag ('portal' of 'portal[42]'), or '' when the line has none. */
  program: string;
}

// Stands in the mapping for a field the JSON lacks and the syslog header supplies.
const fromHeader = '\u0000header';

/** True when a syslog message (after its header) is a CEE message. */
export function isCeeMessage(message: string): boolean {
  return message.startsWith(ceeCookie);
}

// Mappings guessed per key list: a source sends the same keys message after message.
const maxCachedMappings = 64;
const mappings = new Map<string, ColumnMapping>();

function mappingFor(keys: string[]): ColumnMapping {
  const signature = keys.join('\u0000');
  let mapping = mappings.get(signature);
  if (!mapping) {
    if (mappings.size >= maxCachedMappings) mappings.clear();
    mapping = resolveMapping(keys, {});
    mappings.set(signature, mapping);
  }
  return mapping;
}

/**
 * The login of a CEE message, or a reject with its reason: JSON that does not parse or is not an object,
 * or no user or outcome. Time, host and service default to the syslog header's timestamp, host and program.
 */
export function parseCeeMessage(message: string, header: CeeHeader, timeZone: string): ParseOutcome {
  const line = parseJsonObject(message.slice(ceeCookie.length).trim());
  if (line.reason !== undefined) {
    return { kind: 'reject', reason: line.reason === 'not JSON' ? `malformed JSON after the ${ceeCookie} cookie` : `CEE: ${line.reason}` };
  }
  const record = line.object;
  const keys = keyPaths(record);
  const guessed = mappingFor(keys);
  const missing = missingRequiredFields({ time: fromHeader, ...guessed });
  if (missing.length > 0) return { kind: 'reject', reason: `CEE message without ${missing.join(', ')} (keys '${keys.slice(0, 12).join(', ')}')` };
  const fallback: Partial<Record<MappableField, CellValue>> = { time: header.time, host: header.host, service: header.program || null };
  const mapping: ColumnMapping = { time: fromHeader, host: fromHeader, service: fromHeader, ...guessed };
  const outcome = mappedEvent((field) => (mapping[field] === fromHeader ? fallback[field] : valueAtPath(record, mapping[field] ?? '')), mapping, timeZone);
  return outcome.kind === 'reject' ? { kind: 'reject', reason: `CEE: ${outcome.reason}` } : outcome;
}
