import { beforeAll, describe, expect, it } from 'vitest';
import { rbaHeader, csvField } from '../writers.js';
import { generateSample, parseCsv, readLabels, type Generated } from './helpers.js';

function isPublicIpv4(ip: string): boolean {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) return false;
  const [a, b] = parts;
  return !(a === 0 || a === 10 || a === 127 || a >= 224 || (a === 100 && b >= 64 && b < 128) || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168) || (a === 169 && b === 254));
}

describe('RBA layout', () => {
  let generated: Generated;
  let records: string[][];
  beforeAll(async () => {
    generated = await generateSample({ users: 200, days: 30, seed: 1 });
    records = parseCsv(generated.events);
  });

  it('has the exact Kaggle header', () => {
    expect(generated.events.slice(0, generated.events.indexOf('\n'))).toBe(rbaHeader);
    expect(records[0]).toHaveLength(16);
  });

  it('parses as strict CSV with 16 fields in every row, quoting where needed', () => {
    expect(records.filter((fields) => fields.length !== 16)).toEqual([]);
    const agents = records.slice(1).map((fields) => fields[9]);
    expect(agents.some((agent) => agent.includes(','))).toBe(true);
  });

  it('never leaks ground truth into Is Attack IP or Is Account Takeover', () => {
    const leaking = records.slice(1).filter((fields) => fields[14] !== 'False' || fields[15] !== 'False');
    expect(leaking).toEqual([]);
  });

  it('has the value shapes of the dataset', () => {
    const shapes: [number, RegExp][] = [
      [1, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/],
      [2, /^-?\d{1,19}$/],
      [3, /^(\d+\.0)?$/],
      [5, /^[A-Z]{2}$/],
      [6, /^.+$/],
      [7, /^.+$/],
      [8, /^\d+$/],
      [9, /^.+$/],
      [10, /^.+$/],
      [12, /^(desktop|mobile|tablet|bot)$/],
      [13, /^(True|False)$/],
    ];
    const problems: string[] = [];
    records.slice(1).forEach((fields, index) => {
      if (fields[0] !== String(index)) problems.push(`index ${fields[0]} at ${index}`);
      for (const [column, shape] of shapes) if (!shape.test(fields[column])) problems.push(`row ${index} column ${column}: '${fields[column]}'`);
      const id = BigInt(fields[2]);
      if (id < -(2n ** 63n) || id >= 2n ** 63n) problems.push(`row ${index} id out of range`);
      if (!isPublicIpv4(fields[4])) problems.push(`row ${index} address ${fields[4]}`);
    });
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('is in time order, within the span', () => {
    const times = records.slice(1).map((fields) => Date.parse(`${fields[1].replace(' ', 'T')}Z`));
    for (let index = 1; index < times.length; index++) expect(times[index]).toBeGreaterThanOrEqual(times[index - 1]);
    expect(times[0]).toBeGreaterThanOrEqual(Date.parse(generated.summary.start));
    expect(times[times.length - 1]).toBeLessThan(Date.parse(generated.summary.end));
  });

  it('has one label row per data row, numbered from 1', () => {
    const labels = readLabels(generated.labels);
    expect(labels).toHaveLength(records.length - 1);
    expect(labels).toHaveLength(generated.summary.rows);
    const counted = Object.values(generated.summary.labels).reduce((sum, count) => sum + count, 0);
    expect(counted).toBe(generated.summary.rows);
  });

  it('quotes fields with commas and quotes so that they parse back unchanged', () => {
    for (const value of ['plain', 'a,b', 'say "hi"', '"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"', 'line\nbreak']) {
      expect(parseCsv(`${csvField(value)},x\n`)).toEqual([[value, 'x']]);
    }
  });
});
