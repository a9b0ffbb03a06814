import type { Random } from '../../../src-shared/random.js';
import type { City } from './cities.js';
import type { Isp } from './isps.js';
import type { Trip } from './travel.js';
import type { DeviceType } from './user-agents.js';
import type { User } from './users.js';
import { addressIn, churnIp, nearestSite, pickConsumerIsp, placeOf, type Address } from './world.js';

/** What changes in a user's networks from day to day. */
export interface NetworkState {
  random: Random;
  /** The home router's public address (changes with DHCP churn). */
  home: Address;
  /** The hotel network of the current or last trip. */
  stay: { trip: Trip; address: Address } | null;
}

/** Initial network state of a user. */
export function createNetworkState(user: User, random: Random): NetworkState {
  return { random, home: addressIn(random, user.homeIsp, user.home, random.chance(user.homePrecision)), stay: null };
}

/** Start of a day: the home address may have been renewed within the provider's /16. */
export function renewHomeAddress(user: User, state: NetworkState): void {
  const { random } = state;
  if (!random.chance(user.churn)) return;
  const { home } = state;
  state.home = { ip: churnIp(random, home.ip), asn: home.asn, kind: home.kind, place: placeOf(user.home, random.chance(user.homePrecision)) };
}

/** A VPN exit: the provider's site nearest to the user, from a small pool shared by all its customers. */
export function vpnAddress(random: Random, vpn: Isp, latitude: number, longitude: number): Address {
  const site = nearestSite(vpn, latitude, longitude);
  const siteIndex = (vpn.sites ?? []).indexOf(site.name);
  const prefix = vpn.prefixes[siteIndex % vpn.prefixes.length];
  return { ip: `${prefix}.${(siteIndex * 37) % 256}.${1 + random.integer(254)}`, asn: vpn.asn, kind: vpn.kind, place: placeOf(site, true) };
}

/** A mobile carrier address: carrier-grade NAT from a small pool, known only to the country. */
export function carrierAddress(random: Random, carrier: Isp, home: City): Address {
  return addressIn(random, carrier, home, false, 16);
}

function hotelAddress(state: NetworkState, trip: Trip): Address {
  if (state.stay?.trip !== trip) {
    const { random } = state;
    const isp = pickConsumerIsp(random, trip.city.country, 'residential');
    state.stay = { trip, address: addressIn(random, isp, trip.city, random.chance(0.85)) };
  }
  return state.stay.address;
}

/**
 * The address a session comes from: office, home, carrier, hotel or VPN, by where the user is,
 * which device, and whether it is work. `trip` is set while the user is at a trip's destination.
 */
export function sessionAddress(user: User, state: NetworkState, type: DeviceType, atWork: boolean, trip: Trip | null): Address {
  const { random } = state;
  const computer = type !== 'mobile';
  if (user.vpn && computer && random.chance(trip ? Math.min(1, user.vpnRate * 1.5) : user.vpnRate)) {
    const where = trip ? trip.city : user.home;
    return vpnAddress(random, user.vpn, where.latitude, where.longitude);
  }
  if (trip) {
    // Abroad a phone often stays on its home carrier (roaming): the address says home country.
    if (!computer && random.chance(0.6)) return carrierAddress(random, user.carrier, user.home);
    return hotelAddress(state, trip);
  }
  if (atWork && user.office) {
    if (computer || random.chance(0.35)) return random.pick(user.office.addresses);
    return carrierAddress(random, user.carrier, user.home);
  }
  if (computer || random.chance(0.55)) return state.home;
  return carrierAddress(random, user.carrier, user.home);
}
