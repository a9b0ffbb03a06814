import { beforeAll, describe, expect, it } from 'vitest';
import { generateSample, readLabels, type Generated } from './helpers.js';

const authLine =
  /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d (\S+) sshd\[(\d+)\]: (?:(Accepted|Failed) password for (invalid user )?(\S+) from (\d+\.\d+\.\d+\.\d+) port (\d+) ssh2|Invalid user (\S+) from (\d+\.\d+\.\d+\.\d+) port (\d+))$/;

describe('auth.log layout', () => {
  let generated: Generated;
  let lines: string[];
  beforeAll(async () => {
    generated = await generateSample({ users: 80, days: 14, seed: 5, format: 'authlog' }, 'auth.log');
    lines = generated.events.trimEnd().split('\n');
  });

  it('writes only sshd password lines a simple regex parses', () => {
    for (const line of lines) expect(line).toMatch(authLine);
    expect(lines.some((line) => line.includes('Accepted password'))).toBe(true);
    expect(lines.some((line) => line.includes('Failed password for invalid user'))).toBe(true);
  });

  it('precedes each invalid-user failure by its Invalid user line, with the same label', () => {
    const labels = readLabels(generated.labels);
    expect(labels).toHaveLength(lines.length);
    lines.forEach((line, index) => {
      const match = authLine.exec(line);
      if (!match) throw new Error(line);
      if (match[9]) {
        const next = authLine.exec(lines[index + 1]);
        expect(next?.[5]).toBe('invalid user ');
        expect([next?.[3], next?.[6], next?.[7], next?.[8]]).toEqual([match[3], match[9], match[10], match[11]]);
        expect(labels[index + 1]).toBe(labels[index]);
      }
      if (match[5]) expect(authLine.exec(lines[index - 1])?.[9]).toBe(match[6]);
    });
  });
});

describe('JSON lines layout', () => {
  it('writes one object per line with the documented keys', async () => {
    const generated = await generateSample({ users: 60, days: 10, seed: 6, format: 'jsonl' }, 'events.jsonl');
    const lines = generated.events.trimEnd().split('\n');
    expect(readLabels(generated.labels)).toHaveLength(lines.length);
    for (const line of lines) {
      const record = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(record)).toEqual(['time', 'user', 'ip', 'outcome', 'country', 'region', 'city', 'asn', 'user_agent']);
      expect(new Date(record.time as string).toISOString()).toBe(record.time);
      expect(['success', 'failure']).toContain(record.outcome);
      expect(typeof record.asn).toBe('number');
      expect(record.region === null || typeof record.region === 'string').toBe(true);
    }
  });
});
