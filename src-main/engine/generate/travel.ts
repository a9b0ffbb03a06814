import type { Random } from '../../../src-shared/random.js';
import { cities, citiesIn, type City } from './cities.js';
import { haversineKm, hourMs, localMidnight } from './geo.js';
import { integerBetween, poisson, weightedPicker } from './sampling.js';
import type { Span } from './span.js';

/** A legitimate trip: out by air, some days there, back by air. No login happens in the air. */
export interface Trip {
  city: City;
  leave: number;
  arrive: number;
  leaveBack: number;
  arriveBack: number;
}

const destinationPicker = weightedPicker(cities, (city) => city.homeWeight + 0.5);

/** Door-to-door hours for a flight: cruise at ~800 km/h plus airports, so speed stays well under 900 km/h. */
function travelHours(random: Random, from: City, to: City): number {
  return haversineKm(from.latitude, from.longitude, to.latitude, to.longitude) / 800 + random.between(1.5, 4);
}

function pickDestination(random: Random, home: City): City {
  const domestic = citiesIn(home.country).filter((city) => city !== home);
  if (domestic.length > 0 && random.chance(0.45)) return random.pick(domestic);
  for (;;) {
    const city = destinationPicker.pick(random);
    if (city !== home) return city;
  }
}

/** Trips of one user within the span (most users never travel in a month). */
export function planTrips(random: Random, home: City, span: Span): Trip[] {
  const days = span.lastDay - span.firstDay + 1;
  if (days < 6 || !random.chance(0.22)) return [];
  const count = Math.min(3, 1 + poisson(random, days / 60));
  const trips: Trip[] = [];
  for (let index = 0; index < count; index++) {
    const length = integerBetween(random, 2, Math.min(9, days - 4));
    const leaveDay = integerBetween(random, span.firstDay + 1, span.lastDay - length - 2);
    const city = pickDestination(random, home);
    const leave = localMidnight(home.timeZone, leaveDay) + random.between(6, 19) * hourMs;
    const arrive = leave + travelHours(random, home, city) * hourMs;
    const leaveBack = localMidnight(city.timeZone, leaveDay + length) + random.between(7, 20) * hourMs;
    const arriveBack = leaveBack + travelHours(random, city, home) * hourMs;
    const clash = trips.some((trip) => leave < trip.arriveBack + 2 * 86_400_000 && trip.leave < arriveBack + 2 * 86_400_000);
    if (!clash && leaveBack > arrive + 12 * hourMs && arriveBack < span.end) trips.push({ city, leave, arrive, leaveBack, arriveBack });
  }
  return trips.sort((left, right) => left.leave - right.leave);
}

/** Where the user is at a time: home, a trip's city, or null while travelling. */
export function locationAt(home: City, trips: readonly Trip[], time: number): City | null {
  for (const trip of trips) {
    if (time < trip.leave) return home;
    if (time < trip.arrive) return null;
    if (time < trip.leaveBack) return trip.city;
    if (time < trip.arriveBack) return null;
  }
  return home;
}

/** True when any trip (door to door) overlaps [from, to). */
export function isAway(trips: readonly Trip[], from: number, to: number): boolean {
  return trips.some((trip) => trip.leave < to && from < trip.arriveBack);
}
