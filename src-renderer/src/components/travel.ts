import type { EventRow, UserProfile } from '../../../src-shared/api';

type Place = UserProfile['places'][number];

/** A move between two login places, seen `count` times among consecutive logins. */
export interface TravelLeg {
  from: Place;
  to: Place;
  count: number;
}

/**
 * The moves between login places, in time order, among the given logins (the profile's newest ones).
 * A login names its place by city and country only, so it is matched to a place of the map only when
 * exactly one place carries that city and country; a login that matches no place (or several) breaks
 * the chain rather than joining the places around it with a move that may not have happened.
 */
export function travelLegs(places: readonly Place[], logins: readonly Pick<EventRow, 'time' | 'city' | 'country'>[]): TravelLeg[] {
  const byName = new Map<string, Place | null>();
  for (const place of places) {
    if (place.city === null || place.country === null) continue;
    const key = `${place.city}\u0000${place.country}`;
    byName.set(key, byName.has(key) ? null : place);
  }
  const ordered = [...logins].sort((a, b) => a.time - b.time);
  const legs = new Map<string, TravelLeg>();
  let previous: Place | null = null;
  for (const login of ordered) {
    const place = login.city !== null && login.country !== null ? (byName.get(`${login.city}\u0000${login.country}`) ?? null) : null;
    if (place && previous && place !== previous) {
      const key = `${places.indexOf(previous)}>${places.indexOf(place)}`;
      const leg = legs.get(key);
      if (leg) leg.count += 1;
      else legs.set(key, { from: previous, to: place, count: 1 });
    }
    previous = place;
  }
  return [...legs.values()];
}
