/**
 * Attacks with one user's stolen password: a login from the far side of the world minutes after the
 * user's own, and a login at the user's night from a device and provider they never used.
 */
import { citiesIn } from '../generate/cities.js';
import { deviceAt, pickUnfamiliarTemplate } from '../generate/devices.js';
import { haversineKm } from '../generate/geo.js';
import { ownedTemplates } from '../generate/users.js';
import { hostingAddress } from '../generate/attackers.js';
import { isps, type Isp } from '../generate/isps.js';
import { addressIn, citiesFartherThan, pickConsumerIsp } from '../generate/world.js';
import { awakeUsers, describeAddress, portalLogin, takeVictim, type AttackContext, type PlannedAttack } from './attack-context.js';
import { hourShare, localClock, localHour, type DemoUser } from './habits.js';

/** Far enough that minutes between two logins mean thousands of km/h whatever the speed of the demo. */
const travelMinimumKm = 6000;
/** Between the user's own login and the one from far away (scenario time). */
const travelGapMs = 90_000;

/** The user logs in as usual; 90 s later the same account logs in 6,000 km or more away, on another device. */
export function planImpossibleTravel(context: AttackContext): PlannedAttack {
  const { random } = context;
  // The victim's own login must be city-precise: the distance is measured from it.
  const precise = awakeUsers(context.users, context.now).filter((candidate) => candidate.familiar.some((pair) => pair.address.place.city !== null));
  const victim = takeVictim(context, precise);
  const own = victim.familiar.find((pair) => pair.address.place.city !== null) ?? victim.familiar[0];
  const from = own.address.place;
  const city = random.pick(citiesFartherThan(from.latitude, from.longitude, travelMinimumKm));
  const address = addressIn(random, pickConsumerIsp(random, city.country, 'residential'), city, true);
  const device = deviceAt(pickUnfamiliarTemplate(random, ownedTemplates(victim.user)), context.now);
  const name = victim.user.account.name;
  const km = haversineKm(from.latitude, from.longitude, city.latitude, city.longitude);
  return {
    scenario: 'impossible-travel',
    steps: [
      { at: 0, login: portalLogin(name, true, own.address, own.device) },
      { at: travelGapMs, login: portalLogin(name, true, address, device) },
    ],
    target: `on user ${name}: their own login from ${from.city ?? from.country}, then ${Math.round(travelGapMs / 1000)} s later from ${address.ip} (${describeAddress(address)}), ${Math.round(km).toLocaleString('en-US')} km away`,
    expect:
      `the first login of ${name} is normal; the second is impossible travel (${Math.round(km).toLocaleString('en-US')} km in well under an hour), ` +
      `from a device, provider and country ${name} never used: high risk`,
  };
}

/** Night: before 06:00 local time. */
function isNight(hour: number): boolean {
  return hour < 6;
}

/** Consumer providers of the user's country that the user never used lately. */
function unusedProviders(demoUser: DemoUser): Isp[] {
  const used = new Set(demoUser.familiar.map((pair) => pair.address.asn));
  return isps.filter((isp) => isp.country === demoUser.user.home.country && (isp.kind === 'residential' || isp.kind === 'mobile') && !used.has(isp.asn));
}

/** The user for whom now is the most unusual hour, preferring those for whom it is night and whose country has a provider new to them. */
function nightVictim(context: AttackContext): DemoUser {
  // Shift workers start early or late on some days: their night is not reliably unusual.
  const settled = context.users.filter((candidate) => candidate.activeDays >= 5 && candidate.familiar.length > 0 && candidate.user.pattern !== 'shift');
  const ranked = settled
    .map((candidate) => ({
      candidate,
      night: isNight(localHour(candidate.user, context.now)),
      newProvider: unusedProviders(candidate).length > 0,
      share: hourShare(candidate, context.now, 2),
    }))
    .sort(
      (left, right) =>
        Number(right.night && right.newProvider) - Number(left.night && left.newProvider) ||
        left.share - right.share ||
        Number(right.night) - Number(left.night) ||
        right.candidate.activeDays - left.candidate.activeDays,
    )
    .map(({ candidate }) => candidate)
    .filter((candidate) => !context.victims.has(candidate.user));
  // The best one, not a random one of several: a user who ever logs in near this hour would not see it flagged.
  return takeVictim(context, ranked.slice(0, 1));
}

/** A mistyped then a correct password at the user's night, from a device and home provider in their country they never used. */
export function planNewDeviceNight(context: AttackContext): PlannedAttack {
  const { random } = context;
  const victim = nightVictim(context);
  const { user } = victim;
  const providers = unusedProviders(victim);
  // Without a provider in their country new to the user, a rented server: just as new to them.
  const isp = providers.length > 0 ? random.pick(providers) : null;
  const address = isp ? addressIn(random, isp, random.pick(citiesIn(user.home.country)), isp.kind === 'residential') : hostingAddress(random);
  const device = deviceAt(pickUnfamiliarTemplate(random, ownedTemplates(user)), context.now);
  const name = user.account.name;
  const hour = localHour(user, context.now);
  const when = `${localClock(user, context.now)} local time in ${user.home.name}`;
  return {
    scenario: 'new-device-night',
    steps: [
      { at: 0, login: portalLogin(name, false, address, device) },
      { at: 20_000, login: portalLogin(name, true, address, device) },
    ],
    target: `on user ${name} at ${when}, from ${address.ip} (${describeAddress(address)}) on ${device.browser}, ${device.os}`,
    expect:
      `the success is an unfamiliar login for ${name}: a device (${device.browser}, ${device.os}) and provider (AS${address.asn}) never used` +
      (isNight(hour) ? `, at an hour ${name} does not log in` : '') +
      ': high risk',
  };
}
