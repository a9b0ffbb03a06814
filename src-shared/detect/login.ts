import { KeyCache } from './key-cache.js';

/** The facts of one login that detection reads (no ground-truth label: it never reaches a model). */
export interface DetectionLogin {
  id: number;
  /** UTC ms. */
  time: number;
  user: string;
  success: boolean;
  ip: string | null;
  network: string | null;
  asn: number | null;
  country: string | null;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  browser: string | null;
  os: string | null;
  deviceType: string | null;
}

const deviceKeys = new KeyCache((browser, os, deviceType) => `${browserFamily(browser) ?? '?'} · ${osFamily(os) ?? '?'} · ${deviceType ?? '?'}`);

/** A device as a user would name it: browser family, OS family and device type, without versions. */
export function deviceKey(login: Pick<DetectionLogin, 'browser' | 'os' | 'deviceType'>): string | null {
  const { browser, os, deviceType } = login;
  if (!browser && !os && !deviceType) return null;
  return deviceKeys.get(browser, os, deviceType);
}

const browserVersion = /^\d+(\.\d+)*$/;
const osVersion = /^\d+(\.\d+)+$/;
// Logs repeat a few hundred client names millions of times: remember each name's family.
const browserFamilies = new Map<string, string>();
const osFamilies = new Map<string, string>();
const familyCacheLimit = 50_000;

/** A browser without its version: an update is not a new device ("Chrome 85.0.4183" → "Chrome"). */
export function browserFamily(name: string | null): string | null {
  return name ? cachedFamily(browserFamilies, name, browserVersion) : null;
}

/** An OS without its point version; a bare product number stays ("Windows 10" stays, "iOS 13.4" → "iOS"). */
export function osFamily(name: string | null): string | null {
  return name ? cachedFamily(osFamilies, name, osVersion) : null;
}

function cachedFamily(cache: Map<string, string>, name: string, version: RegExp): string {
  let family = cache.get(name);
  if (family === undefined) {
    const words = name.split(' ');
    family = words.length > 1 && version.test(words[words.length - 1]) ? words.slice(0, -1).join(' ') : name;
    if (cache.size >= familyCacheLimit) cache.clear();
    cache.set(name, family);
  }
  return family;
}

/** Whether the login's coordinates are a city's (a country-level fix is the country's centroid). */
export function isCityPrecise(login: Pick<DetectionLogin, 'city' | 'latitude' | 'longitude'>): boolean {
  return login.city !== null && login.city !== '' && login.latitude !== null && login.longitude !== null;
}

/** "Bergen, NO" / "NO" / "unknown place". */
export function placeName(login: Pick<DetectionLogin, 'city' | 'country'>): string {
  if (login.city && login.country) return `${login.city}, ${login.country}`;
  return login.country ?? 'unknown place';
}
