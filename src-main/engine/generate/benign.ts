import type { Random } from '../../../src-shared/random.js';
import { deviceAt, type Device } from './devices.js';
import { normalLabel, type GeneratedEvent } from './event.js';
import { hourMs, localMidnight, minuteMs } from './geo.js';
import { carrierAddress, renewHomeAddress, sessionAddress, type NetworkState } from './networks.js';
import { integerBetween, poisson } from './sampling.js';
import { plannedSessions } from './schedule.js';
import { locationAt, type Trip } from './travel.js';
import { phoneAt, type OwnedDevice, type User } from './users.js';
import type { Address } from './world.js';

function attempt(user: User, time: number, success: boolean, address: Address, device: Device): GeneratedEvent {
  return { time, account: user.account, success, address, device, label: normalLabel };
}

function pickOwnedDevice(user: User, random: Random, time: number, atWork: boolean): OwnedDevice {
  const roll = random.next();
  if (user.pattern === 'rare') return roll < 0.5 ? user.computer : phoneAt(user, time);
  if (atWork) {
    if (roll < 0.82) return user.computer;
    return roll < 0.96 || !user.tablet ? phoneAt(user, time) : user.tablet;
  }
  if (roll < 0.55) return phoneAt(user, time);
  if (roll < 0.85) return user.computer;
  return user.tablet ?? phoneAt(user, time);
}

/** A successful login, preceded now and then by a mistyped password (a failure seconds before). */
function loginWithTypos(events: GeneratedEvent[], user: User, random: Random, time: number, address: Address, device: Device): void {
  if (random.chance(user.typoRate)) {
    events.push(attempt(user, time - random.between(4_000, 30_000), false, address, device));
    if (random.chance(0.15)) events.push(attempt(user, time - random.between(31_000, 58_000), false, address, device));
  }
  events.push(attempt(user, time, true, address, device));
}

/** A forgotten password: a handful of failures, then a success after a reset (benign, but bursty). */
function forgottenPassword(events: GeneratedEvent[], user: User, random: Random, time: number, address: Address, device: Device): void {
  let clock = time;
  const failures = integerBetween(random, 3, 7);
  for (let index = 0; index < failures; index++) {
    events.push(attempt(user, clock, false, address, device));
    clock += random.between(10_000, 70_000);
  }
  events.push(attempt(user, clock + random.between(1, 10) * minuteMs, true, address, device));
}

/** After a password change a phone keeps trying the old one every few minutes for hours, until fixed. */
function staleCredentials(events: GeneratedEvent[], user: User, state: NetworkState, midnight: number): void {
  const { random } = state;
  const phone = phoneAt(user, midnight);
  const address = random.chance(0.5) ? state.home : carrierAddress(random, user.carrier, user.home);
  let clock = midnight + random.between(7, 14) * hourMs;
  const stop = clock + random.between(3, 12) * hourMs;
  while (clock < stop) {
    events.push(attempt(user, clock, false, address, deviceAt(phone.template, clock, phone.lagDays)));
    clock += random.between(5, 25) * minuteMs;
  }
  events.push(attempt(user, clock, true, address, deviceAt(phone.template, clock, phone.lagDays)));
}

function activeTrip(trips: readonly Trip[], time: number): Trip | null {
  return trips.find((trip) => trip.leave <= time && time < trip.arriveBack) ?? null;
}

/**
 * The benign logins of one user on one local calendar day (`day` = days since 1970-01-01), unsorted.
 * Nothing is generated while the user is in the air, so legitimate travel never looks faster than a plane.
 */
export function benignDay(user: User, state: NetworkState, day: number): GeneratedEvent[] {
  const { random } = state;
  renewHomeAddress(user, state);
  const homeMidnight = localMidnight(user.home.timeZone, day);
  const trip = activeTrip(user.trips, homeMidnight + 12 * hourMs);
  const midnight = trip ? localMidnight(trip.city.timeZone, day) : homeMidnight;
  const events: GeneratedEvent[] = [];
  for (const session of plannedSessions(user, random, midnight, day, trip !== null)) {
    const where = locationAt(user.home, user.trips, session.time);
    if (!where) continue;
    const stay = where === user.home ? null : activeTrip(user.trips, session.time);
    const atWork = session.atWork && !stay;
    const owned = pickOwnedDevice(user, random, session.time, atWork);
    const device = deviceAt(owned.template, session.time, owned.lagDays);
    const address = sessionAddress(user, state, device.type, atWork, stay);
    if (random.chance(0.004)) {
      forgottenPassword(events, user, random, session.time, address, device);
      continue;
    }
    // A session may re-authenticate a few times (timeouts, another app), from the same place.
    const logins = random.chance(0.25) ? 2 + poisson(random, 0.5) : 1;
    let time = session.time;
    for (let index = 0; index < logins; index++) {
      if (locationAt(user.home, user.trips, time) !== where) break;
      loginWithTypos(events, user, random, time, address, device);
      time += random.between(10, 120) * minuteMs;
    }
  }
  if (user.staleDay === day && !trip) staleCredentials(events, user, state, homeMidnight);
  return events;
}
