import { isCityPrecise, type DetectionLogin } from './login.js';
import { HourHabits, type PopulationHours } from './hour-habit.js';
import { FamiliarValues, profileKinds, type ProfileKeys } from './familiar-values.js';
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

/** A place to fill in. */
export function emptyPlaceVisit(): PlaceVisit {
  return { time: 0, latitude: 0, longitude: 0, city: null, country: null };
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
  /** The weight of every IP, network, provider, country, city and device the user's trusted logins used. */
  readonly familiar = new FamiliarValues();
  /** When the user starts sessions. */
  readonly hours = new HourHabits();
  /** The last trusted city-precise place, for travel speed. */
  lastPlace: PlaceVisit | null = null;
  /** The country most of the user's trusted logins came from (kept up to date as they are learned), and its weight. */
  usualCountry: string | null = null;
  private usualCountryWeight = 0;

  /**
   * Learn from a login (its interned device id, -1 for none, and profile keys given) after it has been judged; `weight` (0..1)
   * is how much it is trusted.
   */
  observe(login: DetectionLogin, device: number, keys: ProfileKeys, local: LocalTime, weight: number, populationHours: PopulationHours): void {
    if (this.successes + this.failures === 0) this.firstSeen = login.time;
    if (!login.success) {
      this.failures++;
      return;
    }
    // Sessions are followed whatever the weight, so the rest of a distrusted session is judged with it.
    this.hours.observe(device, login.time, local, weight, populationHours);
    if (weight <= 0) return;
    this.successes += weight;
    for (let kind = 0; kind < keys.length; kind++) {
      if (keys[kind] < 0) continue;
      const total = this.familiar.add(keys[kind], weight);
      if (kind === countryKind) this.learnCountry(login.country, total);
    }
    // Only a trusted, city-precise login says where the person is (a country centroid is not a place).
    if (weight >= familiarWeight && isCityPrecise(login)) {
      // In place once there is one: the place before is forgotten (an assessment's travel leg is read before learning).
      const place = (this.lastPlace ??= emptyPlaceVisit());
      place.time = login.time;
      place.latitude = login.latitude as number;
      place.longitude = login.longitude as number;
      place.city = login.city;
      place.country = login.country;
    }
  }

  private learnCountry(country: string | null, weight: number): void {
    if (country === this.usualCountry) this.usualCountryWeight = weight;
    else if (weight > this.usualCountryWeight) {
      this.usualCountry = country;
      this.usualCountryWeight = weight;
    }
  }
}

const countryKind = profileKinds.indexOf('country');

const cityKeys = new KeyCache((country, city) => `${city}|${country}`);

/** "Bergen|NO", or null when the city is unknown. */
export function cityKey(login: Pick<DetectionLogin, 'city' | 'country'>): string | null {
  const { city, country } = login;
  return city && country ? cityKeys.get(country, city, null) : null;
}
