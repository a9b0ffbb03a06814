import { deviceKey, type DetectionLogin } from './login.js';

/** Hours in a week: the profile's histogram has one bin per hour of the week (UTC). */
export const hoursPerWeek = 168;

/** The hour of the week (0 = Monday 00:00 UTC) of a time. */
export function hourOfWeek(time: number): number {
  const date = new Date(time);
  return ((date.getUTCDay() + 6) % 7) * 24 + date.getUTCHours();
}

/** The place of a successful login, for travel checks. */
export interface PlaceVisit {
  time: number;
  latitude: number;
  longitude: number;
  city: string | null;
  country: string | null;
}

/**
 * A user's normal behaviour, learned from their successful logins only (an attacker's failures must
 * not teach the profile): what they log in from, when, and where they were last.
 */
export class UserProfile {
  successes = 0;
  failures = 0;
  firstSeen = 0;
  readonly ips = new Map<string, number>();
  readonly networks = new Map<string, number>();
  readonly asns = new Map<number, number>();
  readonly countries = new Map<string, number>();
  readonly cities = new Map<string, number>();
  readonly devices = new Map<string, number>();
  readonly hours = new Uint32Array(hoursPerWeek);
  lastPlace: PlaceVisit | null = null;

  /** Learn from a login after it has been judged. */
  observe(login: DetectionLogin): void {
    if (this.successes + this.failures === 0) this.firstSeen = login.time;
    if (!login.success) {
      this.failures++;
      return;
    }
    this.successes++;
    increment(this.ips, login.ip);
    increment(this.networks, login.network);
    increment(this.asns, login.asn);
    increment(this.countries, login.country);
    increment(this.cities, login.city && login.country ? `${login.city}|${login.country}` : null);
    increment(this.devices, deviceKey(login));
    this.hours[hourOfWeek(login.time)]++;
    if (login.latitude !== null && login.longitude !== null) {
      this.lastPlace = { time: login.time, latitude: login.latitude, longitude: login.longitude, city: login.city, country: login.country };
    }
  }

  /**
   * How usual this hour of the week is for the user, as a share of their logins in the hour,
   * the hours beside it and the same hour on other days (so "Tuesday 9:00" counts for "Wednesday 9:00").
   * 1 = as usual as an average hour; near 0 = never seen.
   */
  hourUsualness(time: number): number {
    if (this.successes === 0) return 1;
    const hour = hourOfWeek(time);
    let near = 0;
    for (const offset of [-1, 0, 1]) near += this.hours[(hour + offset + hoursPerWeek) % hoursPerWeek] * (offset === 0 ? 2 : 1);
    let sameHourOtherDays = 0;
    const hourOfDay = hour % 24;
    for (let day = 0; day < 7; day++) sameHourOtherDays += this.hours[day * 24 + hourOfDay];
    // Expected count per bin if logins were spread evenly, for scale.
    const even = this.successes / hoursPerWeek;
    const weighted = (near / 4) * 0.5 + (sameHourOtherDays / 7) * 0.5;
    return (weighted + 0.05 * even) / (even * 1.05);
  }
}

function increment<K>(map: Map<K, number>, key: K | null): void {
  if (key === null) return;
  map.set(key, (map.get(key) ?? 0) + 1);
}
