import { isCityPrecise, type DetectionLogin } from './login.js';
import { HourHabits, type PopulationHours } from './hour-habit.js';
import { KeyCache } from './key-cache.js';
import type { LocalTime } from './local-time.js';

/** A value counts as familiar once the user's logins with it weigh at least this (half a trusted login). */
export const familiarWeight = 0.5;

/** The place of a trusted successful login, for travel checks. */
export interface PlaceVisit {
  time: number;
  latitude: number;
  longitude: number;
  city: string | null;
  country: string | null;
}

/**
 * A user's normal behaviour, learned from their successful logins only (an attacker's failures must
 * not teach it) and weighted by how trustworthy each login looked when it was judged: a login the rules
 * found suspicious teaches little, so an attacker's session does not make itself normal.
 */
export class UserProfile {
  /** Weighted successful logins. */
  successes = 0;
  failures = 0;
  firstSeen = 0;
  readonly ips = new Map<string, number>();
  readonly networks = new Map<string, number>();
  readonly asns = new Map<number, number>();
  readonly countries = new Map<string, number>();
  readonly cities = new Map<string, number>();
  readonly devices = new Map<string, number>();
  /** When the user starts sessions. */
  readonly hours = new HourHabits();
  /** The last trusted city-precise place, for travel speed. */
  lastPlace: PlaceVisit | null = null;
  /** The country most of the user's trusted logins came from (kept up to date as they are learned). */
  usualCountry: string | null = null;

  /** Learn from a login (its device and city keys given) after it has been judged; `weight` (0..1) is how much it is trusted. */
  observe(login: DetectionLogin, device: string | null, city: string | null, local: LocalTime, weight: number, populationHours: PopulationHours): void {
    if (this.successes + this.failures === 0) this.firstSeen = login.time;
    if (!login.success) {
      this.failures++;
      return;
    }
    // Sessions are followed whatever the weight, so the rest of a distrusted session is judged with it.
    this.hours.observe(device ?? '', login.time, local, weight, populationHours);
    if (weight <= 0) return;
    this.successes += weight;
    add(this.ips, login.ip, weight);
    add(this.networks, login.network, weight);
    add(this.asns, login.asn, weight);
    const countryWeight = add(this.countries, login.country, weight);
    if (countryWeight > (this.usualCountry === null ? 0 : (this.countries.get(this.usualCountry) ?? 0))) this.usualCountry = login.country;
    add(this.cities, city, weight);
    add(this.devices, device, weight);
    // Only a trusted, city-precise login says where the person is (a country centroid is not a place).
    if (weight >= familiarWeight && isCityPrecise(login)) {
      this.lastPlace = { time: login.time, latitude: login.latitude as number, longitude: login.longitude as number, city: login.city, country: login.country };
    }
  }
}

/** Whether `key` is familiar in a weighted map. */
export function isFamiliar<K>(map: Map<K, number> | undefined, key: K | null): boolean {
  return key !== null && (map?.get(key) ?? 0) >= familiarWeight;
}

const cityKeys = new KeyCache();

/** "Bergen|NO", or null when the city is unknown. */
export function cityKey(login: Pick<DetectionLogin, 'city' | 'country'>): string | null {
  const { city, country } = login;
  return city && country ? cityKeys.get(country, city, null, () => `${city}|${country}`) : null;
}

/** Add `weight` to `key` (nothing for null); the key's new weight. */
function add<K>(map: Map<K, number>, key: K | null, weight: number): number {
  if (key === null) return 0;
  const total = (map.get(key) ?? 0) + weight;
  map.set(key, total);
  return total;
}
