import { profileKinds, type ProfileKeys } from './familiar-values.js';
import { emptySessionHour, type SessionHour } from './hour-habit.js';
import { emptyLocalTime, type LocalTime } from './local-time.js';
import { WindowCounts } from './sliding-window.js';
import { emptyTravel, type Travel } from './travel.js';

/**
 * Everything the state knows about a login before learning from it: the input of rules and models.
 * One per `BehaviourState`, filled in place by every `assess` (its parts too) and valid until the next:
 * an object per login, and the objects of its parts, were most of what the causal pass allocated.
 */
export class LoginContext {
  /** The login's device key (see `deviceKey`) and city key (see `cityKey`), computed once. */
  device: string | null = null;
  city: string | null = null;
  /** The device's interned id, -1 when the login names no device. */
  deviceId = -1;
  /** Interned identities of the login, so learning it does not look them up again. */
  userId = 0;
  /** The login's values as profile keys. */
  readonly keys: ProfileKeys = new Float64Array(profileKinds.length);
  /** Interned id of the login's address, -1 when it has none. */
  addressId = -1;
  networkId: number | null = null;
  /** The user has a trusted profile (learning period over). */
  profiled = false;
  /** How far the user's habits are known, 0..1: trusted logins over the learning period's count (1 once profiled). */
  confidence = 0;
  /** The user name has had a trusted success before. */
  knownUser = false;
  /** Weighted trusted successes and failures before this login. */
  priorSuccesses = 0;
  priorFailures = 0;
  newIp = false;
  newNetwork = false;
  newAsn = false;
  newCountry = false;
  newCity = false;
  /** Not on a device the user trusts; also true when the login names no device (an SSH log): see `newNamedDevice`. */
  newDevice = false;
  /** The login names a device and the user never used it: what a reason may call a new device. */
  get newNamedDevice(): boolean {
    return this.newDevice && this.device !== null;
  }

  /** The country most of the user's logins came from. */
  usualCountry: string | null = null;
  /** Local time of the login, and the session it belongs to with how usual its start was. */
  readonly local: LocalTime = emptyLocalTime();
  readonly session: SessionHour = emptySessionHour();
  /** Leg from the last trusted city-precise login, when both ends are city-precise (then it is `leg`). */
  travel: Travel | null = null;
  readonly leg: Travel = emptyTravel();
  /** Failures of the user in the burst window (distinct = addresses). */
  readonly userBurst = new WindowCounts();
  /** Attempts from the login's IP in the burst window (distinct = users). */
  readonly ipBurst = new WindowCounts();
  /** Attempts from the IP and its network in the spray window (distinct = users). */
  readonly ipSpray = new WindowCounts();
  readonly networkSpray = new WindowCounts();
  /** Distinct users tried from the IP and network in the spray window, this login included. */
  ipUsers = 0;
  networkUsers = 0;
  /** Failures for never-successful user names across all addresses in the campaign window, and their networks. */
  campaignFailures = 0;
  campaignNetworks = 0;
  /**
   * Successes of names not yet known in the campaign window: people logging in for the first time. While a
   * population is still arriving, its typos are most of the failures for unknown names.
   */
  campaignArrivals = 0;
  /** Attempts ever seen from this IP, and trusted successes from it by anyone. */
  ipSeen = 0;
  ipSuccesses = 0;
  /** Users and cities with trusted successes through the login's ASN. */
  asnUsers = 0;
  asnCities = 0;
  /** Share of all earlier trusted successes that came from this country (0..1). */
  countryShare = 0;
  /** 0 while the population is still being met (every success a new user), near 1 once settled. */
  maturity = 0;
}
