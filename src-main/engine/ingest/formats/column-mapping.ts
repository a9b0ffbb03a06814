/**
 * Which column (CSV header name or JSON key path) fills which event field, guessed from the names
 * and overridable by the user.
 */
import type { MappableField } from '../parser.js';

/** A field → column/key mapping; JSON key paths are dotted ('location.city'). */
export type ColumnMapping = Partial<Record<MappableField, string>>;

/**
 * Synonyms per field, normalised (lower case, letters and digits only), best first.
 * The order of the fields matters too: a column taken by an earlier field is not offered to a later one.
 */
const synonyms: [MappableField, string[]][] = [
  ['time', ['time', 'timestamp', 'logintimestamp', 'datetime', 'date', 'eventtime', 'createddatetime', 'published', 'eventtimestamp', 'logintime', 'ts', 'when', 'occurred', 'occurredat', 'createdat']],
  ['user', ['user', 'username', 'userid', 'userprincipalname', 'upn', 'login', 'account', 'accountname', 'actor', 'actoralternateid', 'subject', 'principal', 'email', 'useremail', 'uid']],
  ['outcome', ['outcome', 'success', 'loginsuccessful', 'successful', 'succeeded', 'status', 'result', 'loginresult', 'authresult', 'authenticationresult', 'resulttype', 'outcomeresult', 'eventresult']],
  ['ip', ['ip', 'ipaddress', 'srcip', 'sourceip', 'clientip', 'remoteip', 'remoteaddr', 'ipaddr', 'sourceipaddress', 'clientipaddress', 'callerip', 'rhost', 'src', 'addr']],
  ['country', ['country', 'countrycode', 'countryorregion', 'countryname', 'geocountry']],
  ['region', ['region', 'state', 'province', 'regionname', 'subdivision']],
  ['city', ['city', 'cityname', 'geocity', 'town']],
  ['latitude', ['latitude', 'lat']],
  ['longitude', ['longitude', 'lon', 'lng', 'long']],
  ['asn', ['asn', 'asnumber', 'autonomoussystem', 'autonomoussystemnumber']],
  ['userAgent', ['useragent', 'useragentstring', 'ua', 'httpuseragent', 'agent', 'rawuseragent']],
  ['authMethod', ['authmethod', 'method', 'authenticationmethod', 'authtype', 'mechanism', 'logintype']],
  ['service', ['service', 'app', 'application', 'appdisplayname', 'applicationname', 'appname', 'resource', 'program']],
  ['host', ['host', 'hostname', 'server', 'computer', 'machine', 'logsource']],
  ['roundTripMs', ['rtt', 'roundtriptime', 'roundtriptimems', 'rttms', 'latency', 'latencyms']],
  ['label', ['label', 'groundtruth', 'attack', 'attacktype', 'class']],
];

/** Lower case, letters and digits only: 'User ID' → 'userid', '@timestamp' → 'timestamp'. */
export function normaliseColumnName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Guess the mapping from column names (a CSV header or JSON key paths), case-insensitively by synonyms.
 * A dotted key path also matches by its last segment ('location.city' → city) when no whole name does.
 */
export function guessMapping(columns: string[]): ColumnMapping {
  const whole = columns.map(normaliseColumnName);
  const last = columns.map((column) => normaliseColumnName(column.slice(column.lastIndexOf('.') + 1)));
  const taken = new Set<number>();
  const mapping: ColumnMapping = {};
  for (const [field, names] of synonyms) {
    const found = findColumn(names, whole, taken) ?? findColumn(names, last, taken);
    if (found === undefined) continue;
    taken.add(found);
    mapping[field] = columns[found];
  }
  return mapping;
}

function findColumn(names: string[], normalised: string[], taken: Set<number>): number | undefined {
  for (const name of names) {
    const index = normalised.findIndex((candidate, position) => candidate === name && !taken.has(position));
    if (index >= 0) return index;
  }
  return undefined;
}

/** The guess with the user's choices laid over it; an empty string in the override removes a field. */
export function resolveMapping(columns: string[], override: ColumnMapping): ColumnMapping {
  const mapping: ColumnMapping = { ...guessMapping(columns) };
  for (const [field, column] of Object.entries(override) as [MappableField, string | undefined][]) {
    if (column === undefined) continue;
    if (column === '') delete mapping[field];
    else mapping[field] = column;
  }
  return mapping;
}

/** The required fields the mapping lacks, for a clear error. */
export function missingRequiredFields(mapping: ColumnMapping): MappableField[] {
  return (['time', 'user', 'outcome'] as const).filter((field) => !mapping[field]);
}
