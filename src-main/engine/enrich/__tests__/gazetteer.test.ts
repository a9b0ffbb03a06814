import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGazetteer, defaultCitiesDirectory } from '../gazetteer.js';
import { normalisePlaceName, regionMatches } from '../place-name.js';

describe('createGazetteer over GeoNames cities', () => {
  const gazetteer = createGazetteer();

  it('finds Oslo and Bergen (with its region, Vestland) in Norway', () => {
    const oslo = gazetteer.locate('NO', null, 'Oslo');
    expect(oslo).toMatchObject({ precision: 'city', candidates: 1 });
    expect(oslo?.latitude).toBeCloseTo(59.913, 2);
    expect(oslo?.longitude).toBeCloseTo(10.746, 2);
    const bergen = gazetteer.locate('NO', 'Vestland', 'Bergen');
    expect(bergen?.precision).toBe('city');
    expect(bergen?.latitude).toBeCloseTo(60.393, 2);
    expect(bergen?.longitude).toBeCloseTo(5.324, 2);
  });

  it('matches names without accents and with other suffixes (RBA style)', () => {
    expect(gazetteer.locate('NO', 'Troms og Finnmark', 'Bjornevatn')).toMatchObject({ precision: 'city' });
    expect(gazetteer.locate('NO', 'Oslo County', 'Oslo')?.latitude).toBeCloseTo(59.913, 2);
    expect(gazetteer.locate('no', null, 'SANDNES')).toMatchObject({ precision: 'city' });
  });

  it('uses the region to choose among same-named cities', () => {
    const maine = gazetteer.locate('US', 'Maine', 'Portland');
    const oregon = gazetteer.locate('US', 'Oregon', 'Portland');
    expect(maine?.candidates).toBeGreaterThan(1);
    expect(maine?.longitude).toBeCloseTo(-70.3, 0);
    expect(oregon?.longitude).toBeCloseTo(-122.7, 0);
  });

  it('falls back to the region, then the country centroid', () => {
    const region = gazetteer.locate('NO', 'Vestland', 'Nowhereville');
    expect(region?.precision).toBe('region');
    expect(region?.latitude).toBeGreaterThan(59);
    expect(region?.latitude).toBeLessThan(62.5);
    expect(region?.longitude).toBeLessThan(8);
    for (const city of ['-', 'Nowhereville', null]) {
      const country = gazetteer.locate('NO', '-', city);
      expect(country?.precision).toBe('country');
      // Inside Norway's span: 58–71 °N, 4–31 °E.
      expect(country?.latitude).toBeGreaterThan(58);
      expect(country?.latitude).toBeLessThan(71);
      expect(country?.longitude).toBeGreaterThan(4);
      expect(country?.longitude).toBeLessThan(31);
    }
  });

  it('returns null for an unknown country', () => {
    expect(gazetteer.locate('XX', null, 'Oslo')).toBeNull();
  });

  it('saves its index to a cache file and answers the same from it', () => {
    const directory = mkdtempSync(join(tmpdir(), 'vigil-gazetteer-'));
    try {
      const cachePath = join(directory, 'nested', 'gazetteer.json');
      const queries: [string, string | null, string | null][] = [
        ['NO', 'Vestland', 'Bergen'], ['US', 'Maine', 'Portland'], ['US', 'Oregon', 'Portland'], ['NO', 'Troms og Finnmark', 'Bjornevatn'],
        ['NO', 'Vestland', 'Nowhereville'], ['NO', '-', null], ['XX', null, 'Oslo'], ['DE', 'Bavaria', 'München'], ['KP', null, 'Sil-li'],
      ];
      const built = createGazetteer(defaultCitiesDirectory(), cachePath);
      const expected = queries.map((query) => built.locate(...query));
      expect(existsSync(cachePath)).toBe(true);
      const loaded = createGazetteer(defaultCitiesDirectory(), cachePath);
      expect(queries.map((query) => loaded.locate(...query))).toEqual(expected);
      expect(queries.map((query) => gazetteer.locate(...query))).toEqual(expected);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('place names', () => {
  it('normalise case, accents, Nordic letters, hyphens and spaces', () => {
    expect(normalisePlaceName('Bjørnevatn')).toBe('bjornevatn');
    expect(normalisePlaceName('  Saint-Étienne ')).toBe('saint etienne');
    expect(normalisePlaceName('Møre og  Romsdal')).toBe('more og romsdal');
    expect(normalisePlaceName('Kløfta')).toBe(normalisePlaceName('Klofta'));
  });

  it('match regions that differ by whole-word suffixes only', () => {
    expect(regionMatches('oslo county', 'oslo')).toBe(true);
    expect(regionMatches('state of berlin', 'berlin')).toBe(true);
    expect(regionMatches('north dakota', 'north carolina')).toBe(false);
    expect(regionMatches('osloo', 'oslo')).toBe(false);
  });
});
