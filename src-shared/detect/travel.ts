import { distanceKm, type GeoPoint } from './geo-distance.js';
import { isCityPrecise, type DetectionLogin } from './login.js';
import { emptyPlaceVisit, type PlaceVisit } from './profile.js';

/** A travel leg from the user's last trusted city-precise login to this one. */
export interface Travel {
  from: PlaceVisit;
  km: number;
  hours: number;
  kmPerHour: number;
}

/** A leg to fill in (see `travelFrom`). */
export function emptyTravel(): Travel {
  return { from: emptyPlaceVisit(), km: 0, hours: 0, kmPerHour: 0 };
}

/** Time floor of a leg: two logins in the same second must not read as infinite speed. */
const minimumLegMs = 60_000;

/**
 * The leg from `from` to `login`, when both are city-precise. A country-level fix is the country's
 * centroid, up to thousands of km from the person, so it never measures travel. Filled into `into`.
 */
export function travelFrom(from: PlaceVisit | null, login: DetectionLogin, into = emptyTravel()): Travel | null {
  if (!from || !isCityPrecise(login)) return null;
  // City-precise: its coordinates are set.
  const km = distanceKm(from, login as GeoPoint);
  const hours = Math.max(Math.abs(login.time - from.time), minimumLegMs) / 3_600_000;
  into.from = from;
  into.km = km;
  into.hours = hours;
  into.kmPerHour = km / hours;
  return into;
}
