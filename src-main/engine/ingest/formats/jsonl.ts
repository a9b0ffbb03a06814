/**
 * JSON lines: one JSON object per line, fields found through a mapping of key paths guessed from the
 * keys of the first objects (nested keys as dotted paths, e.g. 'location.city').
 */
import type { MappableField, ParseOptions, ParseOutcome, Parser } from '../parser.js';
import { missingRequiredFields, resolveMapping, type ColumnMapping } from './column-mapping.js';
import type { CellValue } from './field-values.js';
import { mappedEvent } from './mapped-event.js';

type JsonObject = Record<string, unknown>;

const maxDepth = 4;

/** A JSON object read from a line, or why the line is not one. */
export type JsonLine = { object: JsonObject; reason?: undefined } | { object?: undefined; reason: string };

/** One line as a JSON object, or a reject reason. */
export function parseJsonObject(text: string): JsonLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's message quotes the text; a fixed reason groups all such lines in the summary.
    return { reason: 'not JSON' };
  }
  if (Array.isArray(value)) return { reason: 'a JSON line must be an object, not an array' };
  if (value === null || typeof value !== 'object') return { reason: 'a JSON line must be an object' };
  return { object: value as JsonObject };
}

/** The dotted key paths of an object's scalar values (nested objects flattened, arrays left whole). */
export function keyPaths(object: JsonObject, prefix = '', depth = 0, paths: string[] = []): string[] {
  for (const [key, value] of Object.entries(object)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < maxDepth) keyPaths(value as JsonObject, path, depth + 1, paths);
    else paths.push(path);
  }
  return paths;
}

/** The value at a key path: a key that itself contains dots wins over walking nested objects. */
export function valueAtPath(object: JsonObject, path: string): CellValue {
  if (Object.hasOwn(object, path)) return object[path] as CellValue;
  let current: unknown = object;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as JsonObject)[key];
  }
  return current as CellValue;
}

/** A parser for JSON lines with a guessed (or given) key mapping. */
export function createJsonLinesParser(options: ParseOptions): Parser {
  let mapping: ColumnMapping | null = null;
  let lastKeys: string[] = [];
  return {
    format: 'jsonl',
    hasHeader: false,
    parse(text: string): ParseOutcome {
      const line = parseJsonObject(text);
      if (line.reason !== undefined) return { kind: 'reject', reason: line.reason };
      const record = line.object;
      if (!mapping) {
        // Guess from the first object that names every required field; until then the line cannot be read.
        lastKeys = keyPaths(record);
        const guess = resolveMapping(lastKeys, options.mapping);
        const missing = missingRequiredFields(guess);
        if (missing.length > 0) return { kind: 'reject', reason: `no key for ${missing.join(', ')} (keys '${lastKeys.slice(0, 12).join(', ')}')` };
        mapping = guess;
      }
      const current = mapping;
      const read = (field: MappableField): CellValue => {
        const path = current[field];
        return path === undefined ? undefined : valueAtPath(record, path);
      };
      return mappedEvent(read, current, options.timeZone);
    },
    assumptions(): string[] {
      if (!mapping) return [`no key mapping found (keys seen: ${lastKeys.slice(0, 12).join(', ')})`];
      return [`key mapping ${Object.entries(mapping).map(([field, path]) => `${field}=${path}`).join(', ')}`];
    },
  };
}
