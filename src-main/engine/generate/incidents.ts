import { createRandom, type Random } from '../../../src-shared/random.js';
import { attackAttempt, consumerAddress, hostingAddress } from './attackers.js';
import { cities, type City } from './cities.js';
import { deviceAt, pickUnfamiliarTemplate } from './devices.js';
import { normalLabel, type GeneratedEvent } from './event.js';
import { haversineKm, hourMs, localMidnight, minuteMs, weekday } from './geo.js';
import type { NetworkState } from './networks.js';
import { integerBetween, poisson } from './sampling.js';
import { ownedTemplates, type User, type UserIncident } from './users.js';
import { addressIn, churnIp, citiesFartherThan, pickConsumerIsp, placeOf, type Address } from './world.js';

/** An incident's rows, and a window in which the victim's own benign rows are removed. */
export interface IncidentOutcome {
  events: GeneratedEvent[];
  /** Benign rows of the user with clearFrom < time <= clearTo are dropped (so the anchor is the previous login). */
  clearFrom: number;
  clearTo: number;
}

/** Minimum distance of an impossible-travel login from home: with at most two hours, > 2,000 km/h. */
export const impossibleTravelMinimumKm = 4500;

/** The victim's own login at home, city-precise, that an impossible-travel login is measured from. */
function anchorAddress(user: User, state: NetworkState, random: Random, day: number): Address {
  const dayOfWeek = weekday(day);
  if (user.office && dayOfWeek !== 0 && dayOfWeek !== 6 && random.chance(0.5)) return random.pick(user.office.addresses);
  if (state.home.place.city === null) state.home = { ...state.home, ip: churnIp(random, state.home.ip), place: placeOf(user.home, true) };
  return state.home;
}

function farAddress(random: Random, home: City): Address {
  const farEnough = (address: Address): boolean =>
    haversineKm(home.latitude, home.longitude, address.place.latitude, address.place.longitude) >= impossibleTravelMinimumKm;
  if (random.chance(0.4)) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const address = hostingAddress(random);
      if (farEnough(address)) return address;
    }
  }
  // Always city-precise: this row is what the travel speed is computed from.
  const city = random.pick(citiesFartherThan(home.latitude, home.longitude, impossibleTravelMinimumKm));
  return addressIn(random, pickConsumerIsp(random, city.country, 'residential'), city, true);
}

function impossibleTravel(user: User, state: NetworkState, random: Random, day: number): IncidentOutcome {
  const anchorTime = localMidnight(user.home.timeZone, day) + random.between(8, 18) * hourMs;
  const home = anchorAddress(user, state, random, day);
  const events = [attackAttempt(anchorTime, user.account, true, home, deviceAt(user.computer.template, anchorTime, user.computer.lagDays), normalLabel)];
  const address = farAddress(random, user.home);
  let time = anchorTime + random.between(20, 90) * minuteMs;
  const device = deviceAt(pickUnfamiliarTemplate(random, ownedTemplates(user)), time);
  if (random.chance(0.3)) events.push(attackAttempt(time - random.between(20_000, 90_000), user.account, false, address, device, 'impossible_travel'));
  const logins = 1 + Math.min(2, poisson(random, 0.7));
  for (let index = 0; index < logins; index++) {
    events.push(attackAttempt(time, user.account, true, address, device, 'impossible_travel'));
    time += random.between(1, 14) * minuteMs;
  }
  return { events, clearFrom: anchorTime, clearTo: events[events.length - 1].time };
}

function takeoverAddress(random: Random, known: Set<string>, usedAsns: Set<number>): Address {
  for (;;) {
    const address = random.chance(0.3) ? hostingAddress(random) : consumerAddress(random, random.pick(cities));
    if (!known.has(address.place.country) && !usedAsns.has(address.asn)) return address;
  }
}

function accountTakeover(user: User, _state: NetworkState, random: Random, day: number): IncidentOutcome {
  // Night for the victim: nobody is awake to notice the new-device e-mail.
  let time = localMidnight(user.home.timeZone, day) + random.between(0.5, 4.5) * hourMs;
  const known = new Set([user.home.country, ...user.trips.map((trip) => trip.city.country)]);
  const usedAsns = new Set([user.homeIsp.asn, user.carrier.asn, ...(user.vpn ? [user.vpn.asn] : [])]);
  let address = takeoverAddress(random, known, usedAsns);
  const device = deviceAt(pickUnfamiliarTemplate(random, ownedTemplates(user)), time);
  const events: GeneratedEvent[] = [];
  if (random.chance(0.2)) events.push(attackAttempt(time - random.between(15_000, 120_000), user.account, false, address, device, 'account_takeover'));
  const logins = 1 + Math.min(4, poisson(random, 1.5));
  for (let index = 0; index < logins; index++) {
    events.push(attackAttempt(time, user.account, true, address, device, 'account_takeover'));
    time += random.between(0.2, 20) * hourMs;
    if (random.chance(0.3)) address = { ...address, ip: churnIp(random, address.ip) };
  }
  return { events, clearFrom: 0, clearTo: 0 };
}

function insiderOffHours(user: User, state: NetworkState, random: Random, day: number): IncidentOutcome {
  // 2–4 a.m. local: at most 2.8 h + 6 × 10 min = 3.8 h.
  let time = localMidnight(user.home.timeZone, day) + random.between(2, 2.8) * hourMs;
  const address = user.office && random.chance(0.4) ? random.pick(user.office.addresses) : state.home;
  const events: GeneratedEvent[] = [];
  const logins = integerBetween(random, 3, 7);
  for (let index = 0; index < logins; index++) {
    events.push(attackAttempt(time, user.account, true, address, deviceAt(user.computer.template, time, user.computer.lagDays), 'insider_off_hours'));
    time += random.between(3, 10) * minuteMs;
  }
  return { events, clearFrom: 0, clearTo: 0 };
}

/** The rows of one incident in a user's timeline, drawn from the incident's own random stream. */
export function buildIncident(user: User, state: NetworkState, incident: UserIncident): IncidentOutcome {
  const random = createRandom(incident.seed);
  switch (incident.kind) {
    case 'impossible_travel':
      return impossibleTravel(user, state, random, incident.day);
    case 'account_takeover':
      return accountTakeover(user, state, random, incident.day);
    case 'insider_off_hours':
      return insiderOffHours(user, state, random, incident.day);
  }
}
