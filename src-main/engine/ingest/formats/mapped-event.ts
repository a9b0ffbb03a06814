/**
 * One login event from a record of a generic source (CSV row or JSON object) through a column mapping.
 * Shared by the generic CSV and JSON-lines parsers so both read values the same way.
 */
import type { LoginEventInput } from '../../../../src-shared/event.js';
import type { MappableField, ParseOutcome } from '../parser.js';
import type { ColumnMapping } from './column-mapping.js';
import { asnValue, normaliseIp, numberValue, parseOutcomeValue, parseTimeValue, textValue, type CellValue } from './field-values.js';

/** Reads the value of a mapped field from the current record; undefined when the record lacks it. */
export type FieldReader = (field: MappableField) => CellValue;

/** Build the event of one record, or a reject with the reason (missing time/user/outcome, unreadable value). */
export function mappedEvent(read: FieldReader, mapping: ColumnMapping, timeZone: string): ParseOutcome {
  const rawTime = read('time');
  const time = parseTimeValue(rawTime, timeZone);
  if (Number.isNaN(time)) {
    return { kind: 'reject', reason: textValue(rawTime) === null ? 'missing time' : `unparseable time '${describe(rawTime)}'` };
  }
  const user = textValue(read('user'));
  if (user === null) return { kind: 'reject', reason: 'missing user' };
  const rawOutcome = read('outcome');
  const outcome = parseOutcomeValue(rawOutcome);
  if (outcome === null) {
    return { kind: 'reject', reason: textValue(rawOutcome) === null ? 'missing outcome' : `unknown outcome '${describe(rawOutcome)}'` };
  }
  const optional = (field: MappableField): CellValue => (mapping[field] ? read(field) : undefined);
  const event: LoginEventInput = {
    time,
    user,
    outcome,
    ip: normaliseIp(textValue(optional('ip'))),
    country: textValue(optional('country')),
    region: textValue(optional('region')),
    city: textValue(optional('city')),
    latitude: numberValue(optional('latitude')),
    longitude: numberValue(optional('longitude')),
    asn: asnValue(optional('asn')),
    userAgent: textValue(optional('userAgent')),
    authMethod: textValue(optional('authMethod')),
    service: textValue(optional('service')),
    host: textValue(optional('host')),
    roundTripMs: numberValue(optional('roundTripMs')),
    label: textValue(optional('label')),
  };
  return { kind: 'events', events: [event] };
}

function describe(value: CellValue): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
