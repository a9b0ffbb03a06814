import { localTime, type LocalTime } from './local-time.js';
import { LoginContext } from './login-context.js';
import { deviceKey, isCityPrecise, type DetectionLogin } from './login.js';
import { Population } from './population.js';
import { HourHabits } from './hour-habit.js';
import { profileKey, profileKinds } from './familiar-values.js';
import { InternedNames } from './interned-names.js';
import { cityKey, familiarWeight, UserProfile } from './profile.js';
import { WindowCounts, WindowedKeys } from './sliding-window.js';
import { travelFrom } from './travel.js';

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
  /** What `assess` fills (see `LoginContext`), and scratch for the counts it reads one number of. */
  private readonly context = new LoginContext();
  private readonly campaignCounts = new WindowCounts();
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

  /** What is known about a login before it is learned: the state's context, valid until the next `assess`. */
  assess(login: DetectionLogin): LoginContext {
    const context = this.context;
    const userId = this.population.userId(login.user);
    const profile = this.profiles[userId];
    const successes = profile?.successes ?? 0;
    const days = profile ? (login.time - profile.firstSeen) / 86_400_000 : 0;
    const local = localTimeOf(login, profile, context.local);
    const addressId = login.ip ? this.population.addressId(login.ip) : -1;
    const networkId = login.network ? this.population.networkId(login.network) : null;
    const time = login.time;
    const profiled = successes >= this.settings.learningLogins || (successes >= 3 && days >= this.settings.learningDays);
    const device = deviceKey(login);
    const city = cityKey(login);
    const keys = context.keys;
    keys[ipKind] = addressId < 0 ? -1 : profileKey(ipKind, addressId);
    keys[networkKind] = networkId === null ? -1 : profileKey(networkKind, networkId);
    keys[asnKind] = login.asn === null ? -1 : profileKey(asnKind, login.asn);
    keys[countryKind] = login.country ? profileKey(countryKind, this.countryIds.id(login.country)) : -1;
    keys[cityKind] = city === null ? -1 : profileKey(cityKind, this.cityIds.id(city));
    const deviceId = device === null ? -1 : this.deviceIds.id(device);
    keys[deviceKind] = device === null ? -1 : profileKey(deviceKind, deviceId);
    const weights = this.weights;
    if (profile) profile.familiar.weightsOf(keys, weights);
    else for (let kind = 0; kind < weights.length; kind++) weights[kind] = 0;
    context.device = device;
    context.deviceId = deviceId;
    context.city = city;
    context.userId = userId;
    context.addressId = addressId;
    context.networkId = networkId;
    context.profiled = profiled;
    context.confidence = profiled ? 1 : successes / this.settings.learningLogins;
    context.knownUser = successes >= familiarWeight;
    context.priorSuccesses = successes;
    context.priorFailures = profile?.failures ?? 0;
    context.newIp = weights[ipKind] < familiarWeight;
    context.newNetwork = weights[networkKind] < familiarWeight;
    context.newAsn = weights[asnKind] < familiarWeight;
    context.newCountry = weights[countryKind] < familiarWeight;
    context.newCity = weights[cityKind] < familiarWeight;
    context.newDevice = weights[deviceKind] < familiarWeight;
    context.usualCountry = profile?.usualCountry ?? null;
    (profile?.hours ?? noHabits).session(deviceId, login.time, local, this.population.hours, context.session);
    context.travel = travelFrom(profile?.lastPlace ?? null, login, context.leg);
    this.userBursts.counts(userId, time, context.userBurst);
    if (addressId < 0) {
      context.ipBurst.clear();
      context.ipSpray.clear();
    } else {
      this.ipBursts.counts(addressId, time, context.ipBurst);
      this.ipSprays.counts(addressId, time, context.ipSpray);
    }
    if (networkId === null) context.networkSpray.clear();
    else this.networkSprays.counts(networkId, time, context.networkSpray);
    // Users tried from the address and network in the spray window, this login's included.
    context.ipUsers = addressId < 0 ? 0 : this.ipSprays.distinctCount(addressId, time) + (this.ipSprays.has(addressId, userId, time) ? 0 : 1);
    context.networkUsers = networkId === null ? 0 : this.networkSprays.distinctCount(networkId, time) + (this.networkSprays.has(networkId, userId, time) ? 0 : 1);
    context.campaignFailures = this.campaignNames.failureCount(campaignKey, time);
    context.campaignArrivals = this.campaignNames.counts(campaignKey, time, this.campaignCounts).successes;
    context.campaignNetworks = this.campaignNetworks.distinctCount(campaignKey, time);
    context.ipSeen = addressId < 0 ? 0 : this.population.attemptsFrom(addressId);
    context.ipSuccesses = addressId < 0 ? 0 : this.population.successesFrom(addressId);
    context.asnUsers = this.population.providerUsers(login.asn);
    context.asnCities = this.population.providerCities(login.asn);
    context.countryShare = this.population.countryShare(login.country);
    context.maturity = this.population.maturity();
    return context;
  }

  /**
   * Learn from a login after it has been judged. `weight` (0..1) is how far it is trusted: a success
   * the rules found suspicious barely teaches the profile, so an attacker cannot make himself usual.
   */
  learn(login: DetectionLogin, weight = 1, context: LoginContext = this.assess(login)): void {
    const knownBefore = context.knownUser;
    const { userId, addressId, networkId } = context;
    let profile = this.profiles[userId];
    if (!profile) {
      // Filled up to the id, not assigned past the end: a sparse array would turn into a dictionary.
      while (this.profiles.length < userId) this.profiles.push(undefined);
      profile = new UserProfile();
      this.profiles[userId] = profile;
    }
    profile.observe(login, context.deviceId, context.keys, context.local, weight, this.population.hours);
    this.population.learn(addressId, login.asn, login.country, context.city, userId, login.success, weight, !knownBefore);
    this.userBursts.add(userId, login.time, addressId, login.success);
    if (addressId >= 0) {
      this.ipBursts.add(addressId, login.time, userId, login.success);
      this.ipSprays.add(addressId, login.time, userId, login.success);
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
function localTimeOf(login: DetectionLogin, profile: UserProfile | undefined, into: LocalTime): LocalTime {
  const place = profile?.lastPlace;
  if (isCityPrecise(login) || !place || (login.time - place.time > recentPlaceMs && place.country !== login.country)) {
    return localTime(login.time, login.longitude, into);
  }
  return localTime(login.time, place.longitude, into);
}
