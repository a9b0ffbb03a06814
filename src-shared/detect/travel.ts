import { distanceKm } from './geo-distance.js';
import { isCityPrecise, type DetectionLogin } from './login.js';
import type { PlaceVisit } from './profile.js';

/** A travel leg from the user's last trusted city-precise login to this one. */
export interface Travel {
  from: PlaceVisit;
  km: number;
  hours: number;
  kmPerHour: number;
}

/** Time floor of a leg: two logins in the same second must not read as infinite speed. */
const minimumLegMs = 60_000;

/**
 * The leg from `from` to `login`, when both are city-precise. A country-level fix is the country's
 * centroid, up to thousands of km from the person, so it never measures travel.
 */
export function travelFrom(from: PlaceVisit | null, login: DetectionLogin): Travel | null {
  if (!from || !isCityPrecise(login)) return null;
  const km = distanceKm(from, { latitude: login.latitude as number, longitude: login.longitude as number });
  const hours = Math.max(Math.abs(login.time - from.time), minimumLegMs) / 3_600_000;
  return { from, km, hours, kmPerHour: km / hours };
}
