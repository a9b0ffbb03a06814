import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cities } from '../cities.js';
import { haversineKm } from '../geo.js';
import { generate, type GenerateSummary } from '../generate.js';
import { defaultOptions, type GenerateOptions } from '../options.js';

/** A generated file pair read back into memory (test sizes only). */
export interface Generated {
  summary: GenerateSummary;
  events: string;
  labels: string;
}

/** Generates into a fresh temporary directory and reads both files back. */
export async function generateSample(options: Partial<GenerateOptions>, name = 'events.csv'): Promise<Generated> {
  const directory = mkdtempSync(join(tmpdir(), 'vigil-generate-'));
  const eventsPath = join(directory, name);
  const labelsPath = `${eventsPath}.labels.csv`;
  const summary = await generate({ ...defaultOptions, ...options }, { eventsPath, labelsPath });
  return { summary, events: readFileSync(eventsPath, 'utf8'), labels: readFileSync(labelsPath, 'utf8') };
}

/** Strict RFC 4180 parsing: throws on a stray quote, so badly quoted output fails the test. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let index = 0;
  let quoted = false;
  while (index < text.length) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (char === '"') {
        quoted = false;
        index++;
        if (index < text.length && text[index] !== ',' && text[index] !== '\n') throw new Error(`text after closing quote at ${index}`);
        continue;
      }
      field += char;
      index++;
      continue;
    }
    if (char === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${index}`);
      quoted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += char;
    }
    index++;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) throw new Error('last record has no newline');
  return records;
}

/** Labels by 1-based row, after checking the header and that rows are numbered 1..n in order. */
export function readLabels(text: string): string[] {
  const lines = text.trimEnd().split('\n');
  if (lines[0] !== 'row,label') throw new Error(`labels header is '${lines[0]}'`);
  return lines.slice(1).map((line, index) => {
    const [row, label] = line.split(',');
    if (Number(row) !== index + 1) throw new Error(`label row ${row} where ${index + 1} was expected`);
    return label;
  });
}

/** An RBA row as named columns. */
export interface RbaRow {
  index: number;
  time: number;
  user: string;
  ip: string;
  country: string;
  region: string;
  city: string;
  asn: number;
  userAgent: string;
  success: boolean;
  label: string;
}

/** Parses generated RBA text and joins the labels. */
export function rbaRows(generated: Generated): RbaRow[] {
  const records = parseCsv(generated.events).slice(1);
  const labels = readLabels(generated.labels);
  return records.map((fields, index) => ({
    index: Number(fields[0]),
    time: Date.parse(`${fields[1].replace(' ', 'T')}Z`),
    user: fields[2],
    ip: fields[4],
    country: fields[5],
    region: fields[6],
    city: fields[7],
    asn: Number(fields[8]),
    userAgent: fields[9],
    success: fields[13] === 'True',
    label: labels[index],
  }));
}

/** Coordinates of a row's city (null when the row is only country-precise). */
export function coordinates(row: RbaRow): { latitude: number; longitude: number } | null {
  if (row.city === '-') return null;
  const city = cities.find((candidate) => candidate.name === row.city && candidate.country === row.country);
  if (!city) throw new Error(`unknown city ${row.city}, ${row.country}`);
  return city;
}

/** Travel speed in km/h between two rows with known cities (Infinity for a jump with no time). */
export function speedKmh(from: RbaRow, to: RbaRow): number {
  const a = coordinates(from);
  const b = coordinates(to);
  if (!a || !b) return 0;
  const km = haversineKm(a.latitude, a.longitude, b.latitude, b.longitude);
  if (km < 1) return 0;
  const hours = (to.time - from.time) / 3_600_000;
  return hours > 0 ? km / hours : Infinity;
}
