import { distanceKm } from './geo-distance.js';
import type { DetectionLogin } from './login.js';
import { deviceKey } from './login.js';
import { UserProfile, type PlaceVisit } from './profile.js';
import { WindowedKeys, type WindowCounts } from './sliding-window.js';

/** How long and how much a user must be seen before novelty counts against them. */
export interface LearningSettings {
  /** Successful logins before a user's profile is trusted. */
  learningLogins: number;
  /** Or this many days since the user was first seen. */
  learningDays: number;
  /** Window for brute force (failures per user and per IP). */
  burstWindowMinutes: number;
  /** Window for spray and stuffing (distinct users per IP and network). */
  sprayWindowMinutes: number;
}

/** Defaults that suit interactive logins. */
export const defaultLearningSettings: LearningSettings = { learningLogins: 10, learningDays: 14, burstWindowMinutes: 10, sprayWindowMinutes: 60 };

/** A travel leg from the user's last successful login place. */
export interface Travel {
  from: PlaceVisit;
  km: number;
  hours: number;
  kmPerHour: number;
}

/** Everything the state knows about a login before learning from it: the input of rules and models. */
export interface LoginContext {
  /** The user has a trusted profile (learning period over). */
  profiled: boolean;
  priorSuccesses: number;
  priorFailures: number;
  newIp: boolean;
  newNetwork: boolean;
  newAsn: boolean;
  newCountry: boolean;
  newCity: boolean;
  newDevice: boolean;
  /** 1 = a usual hour for this user, near 0 = never seen at this time. */
  hourUsualness: number;
  travel: Travel | null;
  /** Window counts before this login. */
  userBurst: WindowCounts;
  ipBurst: WindowCounts;
  ipSpray: WindowCounts;
  networkSpray: WindowCounts;
  /** Distinct users tried from the login's IP and network in the spray window, this login included. */
  ipUsers: number;
  networkUsers: number;
  /** Logins ever seen from this IP, and users that ever succeeded from its ASN. */
  ipSeen: number;
  asnUsers: number;
  /** Share of all earlier successful logins that came from this country (0..1). */
  countryShare: number;
}

const asnUserCap = 1000;

/** The causal state of a stream of logins: judge each login on what came before it, then learn it. */
export class BehaviourState {
  private readonly profiles = new Map<string, UserProfile>();
  private readonly userBursts: WindowedKeys;
  private readonly ipBursts: WindowedKeys;
  private readonly ipSprays: WindowedKeys;
  private readonly networkSprays: WindowedKeys;
  private readonly ipSeen = new Map<string, number>();
  private readonly asnUsers = new Map<number, Set<string>>();
  private readonly countrySuccesses = new Map<string, number>();
  private successes = 0;

  constructor(readonly settings: LearningSettings = defaultLearningSettings) {
    this.userBursts = new WindowedKeys(settings.burstWindowMinutes * 60_000);
    this.ipBursts = new WindowedKeys(settings.burstWindowMinutes * 60_000);
    this.ipSprays = new WindowedKeys(settings.sprayWindowMinutes * 60_000);
    this.networkSprays = new WindowedKeys(settings.sprayWindowMinutes * 60_000);
  }

  /** The profile of a user, if seen. */
  profile(user: string): UserProfile | undefined {
    return this.profiles.get(user);
  }

  /** What is known about a login before it is learned. */
  assess(login: DetectionLogin): LoginContext {
    const profile = this.profiles.get(login.user);
    const successes = profile?.successes ?? 0;
    const profiled = profile !== undefined && (successes >= this.settings.learningLogins || (successes > 0 && login.time - profile.firstSeen >= this.settings.learningDays * 86_400_000));
    const unknown = <K>(map: Map<K, number> | undefined, key: K | null): boolean => key !== null && (map?.get(key) ?? 0) === 0;
    const empty: WindowCounts = { attempts: 0, failures: 0, successes: 0, distinctUsers: 0 };
    return {
      profiled,
      priorSuccesses: successes,
      priorFailures: profile?.failures ?? 0,
      newIp: unknown(profile?.ips, login.ip),
      newNetwork: unknown(profile?.networks, login.network),
      newAsn: unknown(profile?.asns, login.asn),
      newCountry: unknown(profile?.countries, login.country),
      newCity: unknown(profile?.cities, login.city && login.country ? `${login.city}|${login.country}` : null),
      newDevice: unknown(profile?.devices, deviceKey(login)),
      hourUsualness: profile ? profile.hourUsualness(login.time) : 1,
      travel: travelFrom(profile?.lastPlace ?? null, login),
      userBurst: this.userBursts.counts(login.user, login.time),
      ipBurst: login.ip ? this.ipBursts.counts(login.ip, login.time) : empty,
      ipSpray: login.ip ? this.ipSprays.counts(login.ip, login.time) : empty,
      networkSpray: login.network ? this.networkSprays.counts(login.network, login.time) : empty,
      ipUsers: login.ip ? this.ipSprays.counts(login.ip, login.time).distinctUsers + (this.ipSprays.hasUser(login.ip, login.user) ? 0 : 1) : 0,
      networkUsers: login.network ? this.networkSprays.counts(login.network, login.time).distinctUsers + (this.networkSprays.hasUser(login.network, login.user) ? 0 : 1) : 0,
      ipSeen: login.ip ? (this.ipSeen.get(login.ip) ?? 0) : 0,
      asnUsers: login.asn !== null ? (this.asnUsers.get(login.asn)?.size ?? 0) : 0,
      countryShare: login.country && this.successes > 0 ? (this.countrySuccesses.get(login.country) ?? 0) / this.successes : 0,
    };
  }

  /** Learn from a login after it has been judged. */
  learn(login: DetectionLogin): void {
    let profile = this.profiles.get(login.user);
    if (!profile) {
      profile = new UserProfile();
      this.profiles.set(login.user, profile);
    }
    profile.observe(login);
    this.userBursts.add(login.user, login.time, login.user, login.success);
    if (login.ip) {
      this.ipBursts.add(login.ip, login.time, login.user, login.success);
      this.ipSprays.add(login.ip, login.time, login.user, login.success);
      this.ipSeen.set(login.ip, (this.ipSeen.get(login.ip) ?? 0) + 1);
    }
    if (login.network) this.networkSprays.add(login.network, login.time, login.user, login.success);
    if (login.success) {
      this.successes++;
      if (login.country) this.countrySuccesses.set(login.country, (this.countrySuccesses.get(login.country) ?? 0) + 1);
      if (login.asn !== null) {
        let users = this.asnUsers.get(login.asn);
        if (!users) this.asnUsers.set(login.asn, (users = new Set()));
        if (users.size < asnUserCap) users.add(login.user);
      }
    }
  }
}

function travelFrom(from: PlaceVisit | null, login: DetectionLogin): Travel | null {
  if (!from || login.latitude === null || login.longitude === null) return null;
  const km = distanceKm(from, { latitude: login.latitude, longitude: login.longitude });
  // A floor of one minute keeps two logins in the same second from reading as infinite speed.
  const hours = Math.max(login.time - from.time, 60_000) / 3_600_000;
  return { from, km, hours, kmPerHour: km / hours };
}
