import type { Random } from '../../../src-shared/random.js';
import { cities, type City } from './cities.js';
import { deviceAt, pickAttackTemplate, pickBenignTemplate, type Device } from './devices.js';
import type { GeneratedEvent } from './event.js';
import type { Account } from './names.js';
import { weightedPicker } from './sampling.js';
import { addressIn, ispsOfKind, pickConsumerIsp, randomSite, type Address } from './world.js';

// Where attack traffic on internet-facing logins tends to come from (besides rented servers anywhere).
const sourceCountryWeights: Record<string, number> = {
  CN: 10, RU: 8, VN: 5, BR: 5, IN: 5, US: 6, NL: 3, DE: 3, UA: 3, NG: 3, ID: 3, TR: 2, KR: 2, TH: 2, PH: 2, EG: 2, CO: 1, MX: 1, FR: 1, GB: 1, HK: 1, TW: 1,
};
const sourceCityPicker = weightedPicker(cities, (city) => (sourceCountryWeights[city.country] ?? 0) / Math.max(1, countryCityCount(city.country)));
const anyCityPicker = weightedPicker(cities, (city) => 1 + (sourceCountryWeights[city.country] ?? 0));
const hostingPicker = weightedPicker(ispsOfKind('hosting'), (isp) => isp.weight);

function countryCityCount(country: string): number {
  return cities.filter((city) => city.country === country).length;
}

/** A city attack traffic comes from, weighted toward the usual source countries. */
export function attackSourceCity(random: Random): City {
  return sourceCityPicker.pick(random);
}

/** A rented server: a hosting provider's address in one of its data centres. */
export function hostingAddress(random: Random): Address {
  const isp = hostingPicker.pick(random);
  return addressIn(random, isp, randomSite(random, isp), true);
}

/** A home or mobile connection in a city (a compromised machine or a residential proxy). */
export function consumerAddress(random: Random, city: City): Address {
  const mobile = random.chance(0.25);
  const isp = pickConsumerIsp(random, city.country, mobile ? 'mobile' : 'residential');
  return addressIn(random, isp, city, isp.kind === 'residential' && random.chance(0.8), isp.kind === 'mobile' ? 16 : 256);
}

/** A single attack source: usually a rented server, otherwise a residential machine in a source country. */
export function attackSource(random: Random, hostingShare: number): Address {
  return random.chance(hostingShare) ? hostingAddress(random) : consumerAddress(random, attackSourceCity(random));
}

/** A residential proxy exit anywhere in the world (credential stuffing rents thousands of them). */
export function proxyAddress(random: Random): Address {
  const roll = random.next();
  if (roll < 0.25) return hostingAddress(random);
  return consumerAddress(random, anyCityPicker.pick(random));
}

/** The client an attack run presents: tooling, or a real browser string to blend in. */
export function attackDevice(random: Random, time: number, toolShare: number): Device {
  if (random.chance(toolShare)) return deviceAt(pickAttackTemplate(random), time);
  // Blending in with a browser string a few versions behind (copied once, never updated).
  return deviceAt(pickBenignTemplate(random, random.chance(0.8) ? 'desktop' : 'mobile'), time, random.integer(120));
}

/** An attack attempt row. */
export function attackAttempt(time: number, account: Account, success: boolean, address: Address, device: Device, label: string): GeneratedEvent {
  return { time, account, success, address, device, label };
}
