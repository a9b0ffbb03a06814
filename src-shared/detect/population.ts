import { CountsById } from './counts-by-id.js';
import { PopulationHours } from './hour-habit.js';
import { InternedNames } from './interned-names.js';
import { familiarWeight } from './profile.js';

/** What the organisation has seen of one network provider (ASN). */
interface ProviderHistory {
  users: Set<number>;
  cities: Set<string>;
}

/** Sets per provider stop growing here: beyond it "many" is all a rule needs to know. */
const providerCap = 64;
/** Successes over which the rate of first-time users is averaged (exponentially). */
const newUserHorizon = 500;

/**
 * Organisation-wide facts, learned causally: which addresses ever succeeded, which providers many users
 * trust (a VPN or a big carrier), how often a success comes from a user never seen before (so a failure
 * for an unknown name is judged against how settled the population is), and where logins come from.
 */
export class Population {
  private readonly userIds = new InternedNames();
  private readonly networkIds = new InternedNames();
  private readonly addressIds = new InternedNames();
  /** Attempts from each address, and trusted successful logins from it by anyone, by address id. */
  private readonly addressAttempts = new CountsById();
  private readonly addressSuccesses = new CountsById();
  private readonly providers = new Map<number, ProviderHistory>();
  private readonly countries = new Map<string, number>();
  private successes = 0;
  /** When the organisation starts sessions (the prior of every user's hour habit). */
  readonly hours = new PopulationHours();
  /** Exponential average of "this trusted success was the user's first": 1 while everyone is new. */
  newUserRate = 1;

  /** The small integer id of a user name, assigned on first sight. */
  userId(user: string): number {
    return this.userIds.id(user);
  }

  /** The small integer id of a network, assigned on first sight. */
  networkId(network: string): number {
    return this.networkIds.id(network);
  }

  /** The small integer id of an address, assigned on first sight. */
  addressId(ip: string): number {
    return this.addressIds.id(ip);
  }

  /** Attempts ever seen from an address (by its id). */
  attemptsFrom(addressId: number): number {
    return this.addressAttempts.get(addressId);
  }

  /** Trusted successful logins from an address (by its id), by anyone. */
  successesFrom(addressId: number): number {
    return this.addressSuccesses.get(addressId);
  }

  /** Distinct users who logged in (trusted) through a provider (capped). */
  providerUsers(asn: number | null): number {
    return (asn === null ? undefined : this.providers.get(asn))?.users.size ?? 0;
  }

  /** Distinct cities trusted logins came from through a provider (capped). */
  providerCities(asn: number | null): number {
    return (asn === null ? undefined : this.providers.get(asn))?.cities.size ?? 0;
  }

  /** Share (0..1) of trusted successes that came from `country`. */
  countryShare(country: string | null): number {
    return country && this.successes > 0 ? (this.countries.get(country) ?? 0) / this.successes : 0;
  }

  /** How settled the population is: 0 while most successes are first-time users, near 1 once they are rare. */
  maturity(): number {
    return Math.max(0, Math.min(1, 1 - 10 * this.newUserRate));
  }

  /**
   * Learn a login from the address `addressId` (see `addressId()`, -1 for none); `weight` is how much a
   * success is trusted, `firstSuccess` whether it is the user's first.
   */
  learn(addressId: number, asn: number | null, country: string | null, cityKey: string | null, userId: number, success: boolean, weight: number, firstSuccess: boolean): void {
    if (addressId >= 0) this.addressAttempts.add(addressId);
    if (!success || weight < familiarWeight) return;
    if (addressId >= 0) this.addressSuccesses.add(addressId);
    this.successes++;
    this.newUserRate += ((firstSuccess ? 1 : 0) - this.newUserRate) / newUserHorizon;
    if (country) this.countries.set(country, (this.countries.get(country) ?? 0) + 1);
    if (asn !== null) {
      let history = this.providers.get(asn);
      if (!history) this.providers.set(asn, (history = { users: new Set(), cities: new Set() }));
      if (history.users.size < providerCap) history.users.add(userId);
      if (cityKey && history.cities.size < providerCap) history.cities.add(cityKey);
    }
  }
}
