import type { Random } from '../../../src-shared/random.js';
import { cities, cityNamed, type City } from './cities.js';
import { haversineKm } from './geo.js';
import { isps, type Isp, type IspKind } from './isps.js';
import { weightedPicker, type WeightedPicker } from './sampling.js';

/** Where an address geolocates: city-level, or country-level only (region and city unknown). */
export interface Place {
  country: string;
  region: string | null;
  city: string | null;
  /** The true coordinates (of the city, even when the database only knows the country). */
  latitude: number;
  longitude: number;
}

/** A source address as a log would show it. */
export interface Address {
  ip: string;
  asn: number;
  kind: IspKind;
  place: Place;
}

const precisePlaces = new Map<City, Place>();
const countryPlaces = new Map<City, Place>();

/** The place of a city, at city or country precision (shared objects: the writers cache by identity). */
export function placeOf(city: City, precise: boolean): Place {
  const cache = precise ? precisePlaces : countryPlaces;
  let place = cache.get(city);
  if (!place) {
    place = {
      country: city.country,
      region: precise ? city.region : null,
      city: precise ? city.name : null,
      latitude: city.latitude,
      longitude: city.longitude,
    };
    cache.set(city, place);
  }
  return place;
}

const pickers = new Map<string, WeightedPicker<Isp> | null>();

/** A provider of a kind in a country by market share, or null when the world has none. */
export function pickIsp(random: Random, country: string, kind: IspKind): Isp | null {
  const key = `${country}|${kind}`;
  let picker = pickers.get(key);
  if (picker === undefined) {
    const candidates = isps.filter((isp) => isp.country === country && isp.kind === kind);
    picker = candidates.length > 0 ? weightedPicker(candidates, (isp) => isp.weight) : null;
    pickers.set(key, picker);
  }
  return picker ? picker.pick(random) : null;
}

/** A consumer provider for a country: the kind asked for, else the other consumer kind. */
export function pickConsumerIsp(random: Random, country: string, kind: 'residential' | 'mobile'): Isp {
  const isp = pickIsp(random, country, kind) ?? pickIsp(random, country, kind === 'mobile' ? 'residential' : 'mobile');
  if (!isp) throw new Error(`no consumer provider for country ${country}`);
  return isp;
}

/** Providers of a kind anywhere (hosting, vpn). */
export function ispsOfKind(kind: IspKind): Isp[] {
  return isps.filter((isp) => isp.kind === kind);
}

/** An IPv4 address in one of the provider's /16s; `hosts` narrows the third octet (CGNAT or VPN pools). */
export function randomIp(random: Random, isp: Isp, thirdOctets = 256): string {
  const prefix = random.pick(isp.prefixes);
  return `${prefix}.${random.integer(thirdOctets)}.${1 + random.integer(254)}`;
}

/** A new address in the same /16 as `ip`: what DHCP churn within one provider looks like. */
export function churnIp(random: Random, ip: string): string {
  const parts = ip.split('.');
  return `${parts[0]}.${parts[1]}.${random.integer(256)}.${1 + random.integer(254)}`;
}

/** An address of a provider geolocated to a city (precisely or only to its country). */
export function addressIn(random: Random, isp: Isp, city: City, precise: boolean, thirdOctets = 256): Address {
  return { ip: randomIp(random, isp, thirdOctets), asn: isp.asn, kind: isp.kind, place: placeOf(city, precise) };
}

/** The data-centre city of a hosting/VPN provider nearest to a point. */
export function nearestSite(isp: Isp, latitude: number, longitude: number): City {
  let best: City | null = null;
  let bestKm = Infinity;
  for (const name of isp.sites ?? []) {
    const city = cityNamed(name);
    const km = haversineKm(latitude, longitude, city.latitude, city.longitude);
    if (km < bestKm) {
      bestKm = km;
      best = city;
    }
  }
  if (!best) throw new Error(`${isp.name} has no sites`);
  return best;
}

/** A random data-centre city of a hosting/VPN provider. */
export function randomSite(random: Random, isp: Isp): City {
  return cityNamed(random.pick(isp.sites ?? []));
}

/** Cities at least `minimumKm` from a point. */
export function citiesFartherThan(latitude: number, longitude: number, minimumKm: number): City[] {
  return cities.filter((city) => haversineKm(latitude, longitude, city.latitude, city.longitude) >= minimumKm);
}
