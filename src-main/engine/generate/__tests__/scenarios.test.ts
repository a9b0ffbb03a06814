import { describe, expect, it } from 'vitest';
import { labelNames, parseScenarios, scenarioNames, usersForRows } from '../options.js';
import { generateSample, rbaRows } from './helpers.js';

describe('scenarios', () => {
  it('includes every scenario by default, each a few percent of rows or less, after the first 20%', async () => {
    const generated = await generateSample({ users: 200, days: 30, seed: 1 });
    const { labels, rows } = generated.summary;
    expect(Object.keys(labels).sort()).toEqual([...labelNames].sort());
    for (const scenario of scenarioNames) {
      expect(labels[scenario], scenario).toBeGreaterThan(0);
      expect(labels[scenario] / rows, scenario).toBeLessThan(0.04);
    }
    expect(labels.normal / rows).toBeGreaterThan(0.9);
    const start = Date.parse(generated.summary.start);
    const attackFrom = start + 0.2 * (Date.parse(generated.summary.end) - start);
    for (const row of rbaRows(generated)) if (row.label !== 'normal') expect(row.time).toBeGreaterThanOrEqual(attackFrom);
  });

  it('includes only the requested scenarios', async () => {
    const generated = await generateSample({ users: 60, days: 14, seed: 2, scenarios: ['password_spray', 'insider_off_hours'] });
    const present = new Set(rbaRows(generated).map((row) => row.label));
    expect([...present].sort()).toEqual(['insider_off_hours', 'normal', 'password_spray']);
  });

  it('generates benign rows only with no scenario', async () => {
    const generated = await generateSample({ users: 30, days: 7, seed: 2, scenarios: [] });
    expect(generated.summary.labels.normal).toBe(generated.summary.rows);
  });

  it('averages 2–6 benign rows per user and day', async () => {
    const generated = await generateSample({ users: 200, days: 30, seed: 4, scenarios: [] });
    const perUserDay = generated.summary.rows / (200 * 30);
    expect(perUserDay).toBeGreaterThan(2);
    expect(perUserDay).toBeLessThan(6);
  });

  it('parses scenario lists and rejects unknown names', () => {
    expect(parseScenarios('all')).toEqual([...scenarioNames]);
    expect(parseScenarios('brute_force, impossible_travel')).toEqual(['brute_force', 'impossible_travel']);
    expect(parseScenarios('none')).toEqual([]);
    expect(() => parseScenarios('brute_force,phishing')).toThrow(/unknown scenario 'phishing'/);
  });

  it('sizes the population for a row count', () => {
    expect(usersForRows(1_000_000, 30)).toBeGreaterThan(8000);
    expect(usersForRows(1_000_000, 30)).toBeLessThan(12000);
    expect(usersForRows(10, 30)).toBe(1);
  });
});
