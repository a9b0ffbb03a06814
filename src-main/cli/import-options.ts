import { formatNames, type FormatName } from '../../src-shared/event.js';
import type { MappableField } from '../engine/ingest/parser.js';
import type { ImportRequestOptions } from '../engine/workers/protocol.js';
import { UsageError } from './command.js';

/** The parseArgs options every importing command takes. */
export const importOptionSpecs = {
  format: { type: 'string', default: 'auto' },
  tz: { type: 'string' },
  year: { type: 'string' },
  map: { type: 'string', multiple: true },
} as const;

/** Validate the import options a user typed; a bad one is a usage error that names it. */
export function readImportOptions(values: { format?: string; tz?: string; year?: string; map?: string[] }): ImportRequestOptions {
  const format = (values.format ?? 'auto') as FormatName | 'auto';
  if (format !== 'auto' && !formatNames.includes(format)) throw new UsageError(`unknown format '${format}'`);
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && (!Number.isInteger(year) || year < 1970 || year > 2100)) throw new UsageError(`--year must be a year, not '${values.year}'`);
  const mapping: Partial<Record<MappableField, string>> = {};
  for (const pair of values.map ?? []) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new UsageError(`--map takes field=column, not '${pair}'`);
    mapping[pair.slice(0, equals) as MappableField] = pair.slice(equals + 1);
  }
  return { format, timeZone: values.tz, year, mapping, actor: 'cli' };
}
