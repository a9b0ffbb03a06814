/**
 * A fast, quote-aware splitter for one CSV line (RFC 4180 quoting within the line). It records where
 * each field starts and ends instead of making strings, so a parser slices only the fields it uses.
 */

/** Field kinds in FieldBounds.kinds. */
const plain = 0;
const quoted = 1;
/** Quoted and containing doubled quotes that must be unescaped. */
const quotedEscaped = 2;

const quote = 0x22;

/** Where the fields of the last split line are: field i is text.slice(starts[i], ends[i]) (quotes excluded). */
export interface FieldBounds {
  starts: Int32Array;
  ends: Int32Array;
  kinds: Uint8Array;
  count: number;
}

/** Reusable bounds for lines of about `capacity` fields (they grow when a line has more). */
export function createFieldBounds(capacity = 32): FieldBounds {
  return { starts: new Int32Array(capacity), ends: new Int32Array(capacity), kinds: new Uint8Array(capacity), count: 0 };
}

function grow(bounds: FieldBounds): void {
  const capacity = bounds.starts.length * 2;
  const starts = new Int32Array(capacity);
  const ends = new Int32Array(capacity);
  const kinds = new Uint8Array(capacity);
  starts.set(bounds.starts);
  ends.set(bounds.ends);
  kinds.set(bounds.kinds);
  bounds.starts = starts;
  bounds.ends = ends;
  bounds.kinds = kinds;
}

/**
 * Split `text` at `delimiter` (a char code: 0x2c ',', 0x3b ';', 0x09 tab) into `bounds`.
 * A field is quoted only when its first character is '"'; a quote inside an unquoted field is literal.
 * Returns null, or a reject reason ('unterminated quoted field', 'text after closing quote').
 */
export function splitFields(text: string, delimiter: number, bounds: FieldBounds): string | null {
  const length = text.length;
  const delimiterText = String.fromCharCode(delimiter);
  let count = 0;
  let index = 0;
  for (;;) {
    if (count === bounds.starts.length) grow(bounds);
    if (text.charCodeAt(index) === quote) {
      const start = index + 1;
      let kind = quoted;
      let end = -1;
      let cursor = start;
      while (cursor < length) {
        const next = text.indexOf('"', cursor);
        if (next < 0) break;
        if (text.charCodeAt(next + 1) === quote) {
          kind = quotedEscaped;
          cursor = next + 2;
          continue;
        }
        end = next;
        break;
      }
      if (end < 0) return 'unterminated quoted field';
      bounds.starts[count] = start;
      bounds.ends[count] = end;
      bounds.kinds[count] = kind;
      count++;
      index = end + 1;
      if (index >= length) break;
      if (text.charCodeAt(index) !== delimiter) return 'text after closing quote';
      index++;
    } else {
      // indexOf is native and much faster than a char loop on long fields.
      let end = text.indexOf(delimiterText, index);
      if (end < 0) end = length;
      bounds.starts[count] = index;
      bounds.ends[count] = end;
      bounds.kinds[count] = plain;
      count++;
      if (end >= length) break;
      index = end + 1;
    }
  }
  bounds.count = count;
  return null;
}

/** The text of field `index` of the last split, unescaping doubled quotes. */
export function fieldText(text: string, bounds: FieldBounds, index: number): string {
  const value = text.slice(bounds.starts[index], bounds.ends[index]);
  return bounds.kinds[index] === quotedEscaped ? value.replaceAll('""', '"') : value;
}

/** True when field `index` of the last split is empty. */
export function fieldIsEmpty(bounds: FieldBounds, index: number): boolean {
  return bounds.starts[index] === bounds.ends[index];
}

/** Split a whole line into strings (for headers and generic CSV). Returns the fields or a reject reason. */
export function splitCsvLine(text: string, delimiter = 0x2c): string[] | { reason: string } {
  const bounds = createFieldBounds(16);
  const problem = splitFields(text, delimiter, bounds);
  if (problem) return { reason: problem };
  const fields: string[] = new Array<string>(bounds.count);
  for (let index = 0; index < bounds.count; index++) fields[index] = fieldText(text, bounds, index);
  return fields;
}
