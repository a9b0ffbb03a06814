/**
 * Cloud sign-in exports: Microsoft Entra ID, Okta System Log, AWS CloudTrail (ConsoleLogin) and Google
 * Workspace login audit, recognised record by record, so one file may mix them. A line holds one record
 * (JSON lines, as SIEM exports and `jq -c` write them) or a whole compact document: an array of records,
 * or an object wrapping them under `Records` (CloudTrail's own files), `value` (Graph) or `items`
 * (Reports API). A line with several records yields all their logins; a record that is a login but cannot
 * be read rejects its line with the record's number and reason, so nothing is dropped unsaid.
 */
import type { LoginEventInput } from '../../../../src-shared/event.js';
import type { ParseOutcome, Parser } from '../parser.js';
import { readCloudTrailEvent } from './cloud-aws.js';
import { readEntraSignIn } from './cloud-entra.js';
import { readGoogleLogin } from './cloud-google.js';
import { readOktaEvent } from './cloud-okta.js';
import type { CloudReader, CloudReading, CloudRecord } from './cloud-record.js';

const readers: CloudReader[] = [readEntraSignIn, readOktaEvent, readCloudTrailEvent, readGoogleLogin];
const wrapperKeys = ['Records', 'value', 'items'];
const prettyPrinted =
  "part of a pretty-printed JSON document: write one record per line first (jq -c '.[]', '.Records[]', '.value[]' or '.items[]')";

/** The records a line holds, or why it holds none. */
export function cloudRecords(text: string): CloudRecord[] | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // A bracket alone on its line, or a line that starts with a key, is the inside of a multi-line document.
    return /^\s*(?:[[\]{}]\s*,?\s*$|"[^"]*"\s*:)/.test(text) ? prettyPrinted : 'not JSON';
  }
  if (Array.isArray(value)) return value.filter(isObject);
  if (!isObject(value)) return 'a JSON line must be an object or an array of records';
  const wrapped = wrapperKeys.map((key) => value[key]).find(Array.isArray);
  return wrapped ? wrapped.filter(isObject) : [value];
}

/** One record through the first reader that knows it. */
export function readCloudRecord(record: CloudRecord): CloudReading {
  for (const reader of readers) {
    const reading = reader(record);
    if (reading) return reading;
  }
  return { kind: 'reject', reason: 'not a sign-in record of Entra ID, Okta, CloudTrail or Google Workspace' };
}

/** True when a sample record is one the cloud readers know (for format detection). */
export function isCloudRecord(record: CloudRecord): boolean {
  return readers.some((reader) => reader(record) !== null);
}

/** A parser of cloud sign-in exports. */
export function createCloudParser(): Parser {
  const providers = new Set<string>();
  return {
    format: 'cloud',
    hasHeader: false,
    parse(text: string): ParseOutcome {
      const records = cloudRecords(text);
      if (typeof records === 'string') return { kind: 'reject', reason: records };
      const events: LoginEventInput[] = [];
      for (const [index, record] of records.entries()) {
        const reading = readCloudRecord(record);
        if (reading.kind === 'reject') return { kind: 'reject', reason: records.length > 1 ? `record ${index + 1} of the line: ${reading.reason}` : reading.reason };
        if (reading.kind === 'login') {
          events.push(reading.event);
          providers.add(reading.event.service ?? '');
        }
      }
      return events.length > 0 ? { kind: 'events', events } : { kind: 'ignored' };
    },
    assumptions(): string[] {
      return providers.size > 0 ? [`cloud sign-ins from ${[...providers].sort().join(', ')} (times in UTC as the exports state them)`] : [];
    },
  };
}

function isObject(value: unknown): value is CloudRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
