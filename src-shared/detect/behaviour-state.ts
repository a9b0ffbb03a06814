import { localTime, type LocalTime } from './local-time.js';
import { deviceKey, isCityPrecise, type DetectionLogin } from './login.js';
import { Population, type AddressHistory } from './population.js';
import { HourHabits, type SessionHour } from './hour-habit.js';
import { profileKey, profileKinds, type ProfileKeys } from './familiar-values.js';
import { InternedNames } from './interned-names.js';
import { cityKey, familiarWeight, UserProfile } from './profile.js';
import { emptyCounts, WindowedKeys, type WindowCounts } from './sliding-window.js';
import { travelFrom, type Travel } from './travel.js';

/** How long and how much a user must be seen before novelty counts against them, and the windows. */
export interface LearningSettings {
  /** Trusted successful logins before a user's profile is trusted. */
  learningLogins: number;
  /** Or this many days since the user was first seen (with at least a few logins). */
  learningDays: number;
  /** Window for brute force (failures per user and per IP). */
  burstWindowMinutes: number;
  /** Window for spray (distinct users per IP and network). */
  sprayWindowMinutes: number;
  /** Window for stuffing campaigns (failures for unknown names across all addresses). */
  campaignWindowMinutes: number;
  /** Logins whose rules add up to this risk (0..1) teach the profile nothing. */
  quarantineAt: number;
}

/** Defaults that suit interactive logins. */
export const defaultLearningSettings: LearningSettings = {
  learningLogins: 10,
  learningDays: 14,
  burstWindowMinutes: 10,
  sprayWindowMinutes: 360,
  campaignWindowMinutes: 60,
  quarantineAt: 0.65,
};

/** Everything the state knows about a login before learning from it: the input of rules and models. */
export interface LoginContext {
  /** The login's device key (see `deviceKey`) and city key (see `cityKey`), computed once. */
  device: string | null;
  city: string | null;
  /** Interned identities of the login, so learning it does not look them up again. */
  userId: number;
  /** The login's values as profile keys: the state's scratch, valid until its next `assess`. */
  keys: ProfileKeys;
  address: AddressHistory | null;
  networkId: number | null;
  /** The user has a trusted profile (learning period over). */
  profiled: boolean;
  /** How far the user's habits are known, 0..1: trusted logins over the learning period's count (1 once profiled). */
  confidence: number;
  /** The user name has had a trusted success before. */
  knownUser: boolean;
  /** Weighted trusted successes and failures before this login. */
  priorSuccesses: number;
  priorFailures: number;
  newIp: boolean;
  newNetwork: boolean;
  newAsn: boolean;
  newCountry: boolean;
  newCity: boolean;
  newDevice: boolean;
  /** The country most of the user's logins came from. */
  usualCountry: string | null;
  /** Local time of the login, and the session it belongs to with how usual its start was. */
  local: LocalTime;
  session: SessionHour;
  /** Leg from the last trusted city-precise login, when both ends are city-precise. */
  travel: Travel | null;
  /** Failures of the user in the burst window (distinct = addresses). */
  userBurst: WindowCounts;
  /** Attempts from the login's IP in the burst window (distinct = users). */
  ipBurst: WindowCounts;
  /** Attempts from the IP and its network in the spray window (distinct = users). */
  ipSpray: WindowCounts;
  networkSpray: WindowCounts;
  /** Distinct users tried from the IP and network in the spray window, this login included. */
  ipUsers: number;
  networkUsers: number;
  /** Failures for never-successful user names across all addresses in the campaign window, and their networks. */
  campaignFailures: number;
  campaignNetworks: number;
  /**
   * Successes of names not yet known in the campaign window: people logging in for the first time. While a
   * population is still arriving, its typos are most of the failures for unknown names.
   */
  campaignArrivals: number;
  /** Attempts ever seen from this IP, and trusted successes from it by anyone. */
  ipSeen: number;
  ipSuccesses: number;
  /** Users and cities with trusted successes through the login's ASN. */
  asnUsers: number;
  asnCities: number;
  /** Share of all earlier trusted successes that came from this country (0..1). */
  countryShare: number;
  /** 0 while the population is still being met (every success a new user), near 1 once settled. */
  maturity: number;
}

const campaignKey = 0;
const [ipKind, networkKind, asnKind, countryKind, cityKind, deviceKind] = profileKinds.map((_, kind) => kind);
/** The habits of a user never seen: the population's alone. */
const noHabits = new HourHabits();

/** The causal state of a stream of logins: judge each login on what came before it, then learn it. */
export class BehaviourState {
  /** Profiles by user id. */
  private readonly profiles: (UserProfile | undefined)[] = [];
  private readonly population = new Population();
  private readonly countryIds = new InternedNames();
  private readonly cityIds = new InternedNames();
  private readonly deviceIds = new InternedNames();
  private readonly keys: ProfileKeys = new Float64Array(profileKinds.length);
  private readonly weights = new Float64Array(profileKinds.length);
  private readonly userBursts: WindowedKeys;
  private readonly ipBursts: WindowedKeys;
  private readonly ipSprays: WindowedKeys;
  private readonly networkSprays: WindowedKeys;
  private readonly campaignNames: WindowedKeys;
  private readonly campaignNetworks: WindowedKeys;

  constructor(readonly settings: LearningSettings = defaultLearningSettings) {
    const minutes = (value: number): number => value * 60_000;
    this.userBursts = new WindowedKeys(minutes(settings.burstWindowMinutes));
    this.ipBursts = new WindowedKeys(minutes(settings.burstWindowMinutes));
    this.ipSprays = new WindowedKeys(minutes(settings.sprayWindowMinutes));
    this.networkSprays = new WindowedKeys(minutes(settings.sprayWindowMinutes));
    this.campaignNames = new WindowedKeys(minutes(settings.campaignWindowMinutes));
    this.campaignNetworks = new WindowedKeys(minutes(settings.campaignWindowMinutes));
  }

  /** What is known about a login before it is learned. */
  assess(login: DetectionLogin): LoginContext {
    const userId = this.population.userId(login.user);
    const profile = this.profiles[userId];
    const successes = profile?.successes ?? 0;
    const days = profile ? (login.time - profile.firstSeen) / 86_400_000 : 0;
    const local = localTimeOf(login, profile);
    const address = login.ip ? this.population.address(login.ip) : null;
    const networkId = login.network ? this.population.networkId(login.network) : null;
    const time = login.time;
    const profiled = successes >= this.settings.learningLogins || (successes >= 3 && days >= this.settings.learningDays);
    const device = deviceKey(login);
    const city = cityKey(login);
    const keys = this.keys;
    keys[ipKind] = address ? profileKey(ipKind, address.id) : -1;
    keys[networkKind] = networkId === null ? -1 : profileKey(networkKind, networkId);
    keys[asnKind] = login.asn === null ? -1 : profileKey(asnKind, login.asn);
    keys[countryKind] = login.country ? profileKey(countryKind, this.countryIds.id(login.country)) : -1;
    keys[cityKind] = city === null ? -1 : profileKey(cityKind, this.cityIds.id(city));
    keys[deviceKind] = device === null ? -1 : profileKey(deviceKind, this.deviceIds.id(device));
    const weights = this.weights;
    if (profile) profile.familiar.weightsOf(keys, weights);
    else for (let kind = 0; kind < weights.length; kind++) weights[kind] = 0;
    return {
      device,
      city,
      userId,
      keys,
      address,
      networkId,
      profiled,
      confidence: profiled ? 1 : successes / this.settings.learningLogins,
      knownUser: successes >= familiarWeight,
      priorSuccesses: successes,
      priorFailures: profile?.failures ?? 0,
      newIp: weights[ipKind] < familiarWeight,
      newNetwork: weights[networkKind] < familiarWeight,
      newAsn: weights[asnKind] < familiarWeight,
      newCountry: weights[countryKind] < familiarWeight,
      newCity: weights[cityKind] < familiarWeight,
      newDevice: weights[deviceKind] < familiarWeight,
      usualCountry: profile?.usualCountry ?? null,
      local,
      session: (profile?.hours ?? noHabits).session(device ?? '', login.time, local, this.population.hours),
      travel: travelFrom(profile?.lastPlace ?? null, login),
      userBurst: this.userBursts.counts(userId, time),
      ipBurst: address ? this.ipBursts.counts(address.id, time) : emptyCounts,
      ipSpray: address ? this.ipSprays.counts(address.id, time) : emptyCounts,
      networkSpray: networkId === null ? emptyCounts : this.networkSprays.counts(networkId, time),
      // Users tried from the address and network in the spray window, this login's included.
      ipUsers: address ? this.ipSprays.distinctCount(address.id, time) + (this.ipSprays.has(address.id, userId, time) ? 0 : 1) : 0,
      networkUsers: networkId === null ? 0 : this.networkSprays.distinctCount(networkId, time) + (this.networkSprays.has(networkId, userId, time) ? 0 : 1),
      campaignFailures: this.campaignNames.failureCount(campaignKey, time),
      campaignArrivals: this.campaignNames.counts(campaignKey, time).successes,
      campaignNetworks: this.campaignNetworks.distinctCount(campaignKey, time),
      ipSeen: address?.attempts ?? 0,
      ipSuccesses: address?.successes ?? 0,
      asnUsers: this.population.providerUsers(login.asn),
      asnCities: this.population.providerCities(login.asn),
      countryShare: this.population.countryShare(login.country),
      maturity: this.population.maturity(),
    };
  }

  /**
   * Learn from a login after it has been judged. `weight` (0..1) is how far it is trusted: a success
   * the rules found suspicious barely teaches the profile, so an attacker cannot make himself usual.
   */
  learn(login: DetectionLogin, weight = 1, context: LoginContext = this.assess(login)): void {
    const knownBefore = context.knownUser;
    const { userId, address, networkId } = context;
    let profile = this.profiles[userId];
    if (!profile) {
      // Filled up to the id, not assigned past the end: a sparse array would turn into a dictionary.
      while (this.profiles.length < userId) this.profiles.push(undefined);
      profile = new UserProfile();
      this.profiles[userId] = profile;
    }
    profile.observe(login, context.device, context.keys, context.local, weight, this.population.hours);
    this.population.learn(address, login.asn, login.country, context.city, userId, login.success, weight, !knownBefore);
    this.userBursts.add(userId, login.time, address?.id ?? -1, login.success);
    if (address) {
      this.ipBursts.add(address.id, login.time, userId, login.success);
      this.ipSprays.add(address.id, login.time, userId, login.success);
    }
    if (networkId !== null) this.networkSprays.add(networkId, login.time, userId, login.success);
    if (!knownBefore && (!login.success || weight >= familiarWeight)) {
      // Failures of names nobody knows, and the trusted first logins of names arriving (the measure of a warm-up).
      this.campaignNames.add(campaignKey, login.time, userId, login.success);
      if (!login.success && networkId !== null) this.campaignNetworks.add(campaignKey, login.time, networkId, false);
    }
  }
}

/** A country-level fix this close to a precise one is taken to be where that precise one was. */
const recentPlaceMs = 12 * 3_600_000;

/**
 * The local time of a login where the person most likely is: a city-precise login's own place; for a
 * country-level fix (a country's centroid, or a phone roaming on its home carrier abroad) the user's last
 * precise place when it is recent or in the same country; otherwise the fix itself.
 */
function localTimeOf(login: DetectionLogin, profile: UserProfile | undefined): LocalTime {
  const place = profile?.lastPlace;
  if (isCityPrecise(login) || !place || (login.time - place.time > recentPlaceMs && place.country !== login.country)) {
    return localTime(login.time, login.longitude);
  }
  return localTime(login.time, place.longitude);
}
