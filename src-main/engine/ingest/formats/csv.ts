/**
 * Generic CSV with a header: the delimiter (',' ';' or tab) and the column mapping come from the header.
 */
import type { MappableField, ParseOptions, ParseOutcome, Parser } from '../parser.js';
import { missingRequiredFields, resolveMapping, type ColumnMapping } from './column-mapping.js';
import { createFieldBounds, fieldText, splitCsvLine, splitFields } from './csv-fields.js';
import { mappedEvent } from './mapped-event.js';

const delimiters = [0x2c, 0x3b, 0x09];

/** The delimiter that splits a header line into the most fields (',' on a tie), and those fields. */
export function splitHeader(line: string): { delimiter: number; columns: string[] } | null {
  let best: { delimiter: number; columns: string[] } | null = null;
  for (const delimiter of delimiters) {
    const columns = splitCsvLine(line, delimiter);
    if (!Array.isArray(columns)) continue;
    if (!best || columns.length > best.columns.length) best = { delimiter, columns: columns.map((column) => column.trim()) };
  }
  return best && best.columns.length >= 2 ? best : null;
}

/** A parser for a CSV file with a header row and a guessed (or given) column mapping. */
export function createCsvParser(options: ParseOptions): Parser {
  const bounds = createFieldBounds(32);
  let delimiter = 0x2c;
  let columnCount = 0;
  let mapping: ColumnMapping = {};
  const indexOf: Partial<Record<MappableField, number>> = {};
  let currentText = '';

  const read = (field: MappableField): string | undefined => {
    const index = indexOf[field];
    return index === undefined ? undefined : fieldText(currentText, bounds, index);
  };

  return {
    format: 'csv',
    hasHeader: true,
    header(line: string): void {
      const split = splitHeader(line.charCodeAt(0) === 0xfeff ? line.slice(1) : line);
      if (!split) throw new Error('the header has fewer than two columns');
      delimiter = split.delimiter;
      columnCount = split.columns.length;
      mapping = resolveMapping(split.columns, options.mapping);
      for (const [field, column] of Object.entries(mapping) as [MappableField, string][]) {
        const exact = split.columns.indexOf(column);
        const index = exact >= 0 ? exact : split.columns.findIndex((name) => name.toLowerCase() === column.toLowerCase());
        if (index < 0) throw new Error(`column '${column}' mapped to ${field} is not in the header`);
        indexOf[field] = index;
      }
      const missing = missingRequiredFields(mapping);
      if (missing.length > 0) throw new Error(`no column for ${missing.join(', ')} (columns: ${split.columns.join(', ')}); map it explicitly`);
    },
    parse(text: string): ParseOutcome {
      const problem = splitFields(text, delimiter, bounds);
      if (problem) return { kind: 'reject', reason: problem };
      if (bounds.count !== columnCount) return { kind: 'reject', reason: `expected ${columnCount} columns, found ${bounds.count}` };
      currentText = text;
      return mappedEvent(read, mapping, options.timeZone);
    },
    assumptions(): string[] {
      const names = { 0x2c: 'comma', 0x3b: 'semicolon', 0x09: 'tab' } as Record<number, string>;
      const pairs = Object.entries(mapping).map(([field, column]) => `${field}=${column}`);
      return [`CSV delimiter ${names[delimiter]}`, `column mapping ${pairs.join(', ')}`];
    },
  };
}
