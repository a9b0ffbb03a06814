import { createRandom, type Random } from '../../../src-shared/random.js';
import { cities, cityNamed, type City } from './cities.js';
import { pickBenignTemplate } from './devices.js';
import type { Isp } from './isps.js';
import { personName, randomAccountId, type Account } from './names.js';
import { deriveSeed, integerBetween, normalBetween, weightedPicker } from './sampling.js';
import type { Span } from './span.js';
import { planTrips, type Trip } from './travel.js';
import type { UserAgentTemplate } from './user-agents.js';
import { ispsOfKind, pickConsumerIsp, pickIsp, placeOf, type Address } from './world.js';

/** When a user logs in: office hours, any time, rotating shifts, mostly weekends, or a few times a month. */
export type Pattern = 'office' | 'flexible' | 'shift' | 'weekend' | 'rare';

/** A rotating shift: `onDays` working days then `offDays` off, starting at `startHour` local. */
export interface Shift {
  startHour: number;
  hours: number;
  onDays: number;
  offDays: number;
  phase: number;
}

/** A device the user owns from `from` until `until` (UTC ms); browsers update `lagDays` after release. */
export interface OwnedDevice {
  template: UserAgentTemplate;
  lagDays: number;
  from: number;
  until: number;
}

/** A company office: users who live in its city work there on working days, behind a few NAT addresses. */
export interface Office {
  city: City;
  addresses: Address[];
}

/** An attack woven into one user's own timeline. */
export type IncidentKind = 'impossible_travel' | 'account_takeover' | 'insider_off_hours';

/** An incident planned for a user on a local calendar day. */
export interface UserIncident {
  kind: IncidentKind;
  day: number;
  seed: number;
}

/** One member of the population and everything that shapes their benign logins. */
export interface User {
  index: number;
  account: Account;
  home: City;
  pattern: Pattern;
  /** Multiplies session counts: some people log in far more than others. */
  activity: number;
  shift: Shift | null;
  /** Rare users: chance of any login on a given day. */
  rareRate: number;
  computer: OwnedDevice;
  /** Phones in order of ownership (a new phone replaces the old one and stays). */
  phones: OwnedDevice[];
  tablet: OwnedDevice | null;
  homeIsp: Isp;
  /** Chance a new home address geolocates to the city (else only to the country). */
  homePrecision: number;
  /** Daily chance the home address changes within the provider's /16 (DHCP churn). */
  churn: number;
  office: Office | null;
  carrier: Isp;
  vpn: Isp | null;
  vpnRate: number;
  typoRate: number;
  /** Local day on which an old password on a phone fails over and over, or null. */
  staleDay: number | null;
  trips: Trip[];
  incidents: UserIncident[];
}

const officeCities = ['Oslo', 'London', 'New York City', 'Berlin', 'Bengaluru', 'Stockholm', 'Toronto', 'Singapore', 'Sydney', 'San Francisco'];
const homePicker = weightedPicker(cities, (city) => city.homeWeight);
const patternPicker = weightedPicker<[Pattern, number]>(
  [['office', 50], ['flexible', 17], ['shift', 10], ['weekend', 8], ['rare', 15]],
  ([, weight]) => weight,
);

/** The company's offices, the same for every population of a seed. */
export function createOffices(seed: number): Map<string, Office> {
  const random = createRandom(deriveSeed(seed, 2));
  const offices = new Map<string, Office>();
  for (const name of officeCities) {
    const city = cityNamed(name);
    const isp = pickConsumerIsp(random, city.country, 'residential');
    const prefix = `${random.pick(isp.prefixes)}.${random.integer(256)}`;
    const count = integerBetween(random, 1, 3);
    const base = 1 + random.integer(200);
    const addresses = Array.from({ length: count }, (_, index): Address => ({
      ip: `${prefix}.${base + index * 3}`,
      asn: isp.asn,
      kind: isp.kind,
      place: placeOf(city, true),
    }));
    offices.set(name, { city, addresses });
  }
  return offices;
}

function ownDevice(random: Random, type: 'desktop' | 'mobile' | 'tablet', from: number, until: number): OwnedDevice {
  return { template: pickBenignTemplate(random, type), lagDays: random.integer(21), from, until };
}

function createShift(random: Random): Shift {
  const startHour = random.pick([6, 6, 14, 14, 22]);
  return { startHour, hours: 8, onDays: integerBetween(random, 3, 5), offDays: integerBetween(random, 2, 4), phase: random.integer(7) };
}

/** One user, drawn from the user's own random stream. */
export function createUser(index: number, seed: number, span: Span, offices: Map<string, Office>, takenNames: Set<string>): User {
  const random = createRandom(deriveSeed(seed, 1, index));
  let name = personName(random);
  for (let suffix = 2; takenNames.has(name); suffix++) name = `${name.replace(/\d+$/, '')}${suffix}`;
  takenNames.add(name);
  const home = homePicker.pick(random);
  const pattern = patternPicker.pick(random)[0];
  const office = pattern === 'office' || pattern === 'shift' ? (offices.get(home.name) ?? null) : null;
  const never = Number.MAX_SAFE_INTEGER;
  const phones = [ownDevice(random, 'mobile', 0, never)];
  if (random.chance(0.12)) {
    // A new phone: the old one stops, the new one appears and stays.
    const switchTime = span.start + random.between(0.1, 0.9) * (span.end - span.start);
    phones[0].until = switchTime;
    phones.push(ownDevice(random, 'mobile', switchTime, never));
  }
  const vpnUser = random.chance(0.18);
  const vpnProviders = ispsOfKind('vpn');
  return {
    index,
    account: { name, id: randomAccountId(random), exists: true },
    home,
    pattern,
    activity: Math.exp(normalBetween(random, 0, 0.45, -1.2, 1.2)),
    shift: pattern === 'shift' ? createShift(random) : null,
    rareRate: random.between(0.04, 0.2),
    computer: ownDevice(random, 'desktop', 0, never),
    phones,
    tablet: random.chance(0.2) ? ownDevice(random, 'tablet', 0, never) : null,
    homeIsp: pickConsumerIsp(random, home.country, 'residential'),
    homePrecision: random.chance(0.8) ? 0.95 : 0.3,
    churn: random.chance(0.6) ? random.between(0.005, 0.03) : random.between(0.1, 0.5),
    office,
    carrier: pickIsp(random, home.country, 'mobile') ?? pickConsumerIsp(random, home.country, 'residential'),
    vpn: vpnUser ? random.pick(vpnProviders) : null,
    vpnRate: vpnUser ? random.between(0.05, 0.5) : 0,
    typoRate: Math.min(0.15, Math.exp(normalBetween(random, -3.4, 0.7, -6, -1.9))),
    staleDay: random.chance(0.04) ? integerBetween(random, span.firstDay, span.lastDay) : null,
    trips: planTrips(random, home, span),
    incidents: [],
  };
}

/** A population of `count` users; users do not depend on the count, so a bigger run extends a smaller one. */
export function createPopulation(count: number, seed: number, span: Span): User[] {
  const offices = createOffices(seed);
  const takenNames = new Set<string>();
  const users: User[] = [];
  for (let index = 0; index < count; index++) users.push(createUser(index, seed, span, offices, takenNames));
  return users;
}

/** The phone in use at a time. */
export function phoneAt(user: User, time: number): OwnedDevice {
  for (const phone of user.phones) if (time < phone.until) return phone;
  return user.phones[user.phones.length - 1];
}

/** Every client template the user ever used (for picking one an attacker would not share). */
export function ownedTemplates(user: User): UserAgentTemplate[] {
  return [user.computer, ...user.phones, ...(user.tablet ? [user.tablet] : [])].map((device) => device.template);
}

