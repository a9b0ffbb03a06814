/**
 * What every demo attack draws on, and the small helpers they share: victims chosen by their habits,
 * logins built from generator addresses and devices.
 */
import type { Random } from '../../../src-shared/random.js';
import type { Device } from '../generate/devices.js';
import type { User } from '../generate/users.js';
import type { Address } from '../generate/world.js';
import type { DemoUser } from './habits.js';
import { hourShare } from './habits.js';
import type { DemoLogin } from './messages.js';
import type { DemoScenario } from './scenarios.js';

/** The inputs of an attack plan. */
export interface AttackContext {
  random: Random;
  users: readonly DemoUser[];
  /** UTC ms at which the demo starts (victims are chosen by their local hour then). */
  now: number;
  /** Users already attacked in this demo: each attack has its own victim. */
  victims: Set<User>;
}

/** One message of an attack, `at` ms after the attack starts (at speed 1). */
export interface AttackStep {
  at: number;
  login: DemoLogin;
}

/** A planned attack: its messages and what the room is told. */
export interface PlannedAttack {
  scenario: DemoScenario;
  steps: AttackStep[];
  /** "on user alice from 203.0.113.9 (NL, AS14061)". */
  target: string;
  /** What the room should expect to see. */
  expect: string;
}

/** A login at the portal (CEE message with device and place). */
export function portalLogin(user: string, success: boolean, address: Address, device: Device, knownAccount = true): DemoLogin {
  const { place } = address;
  return { user, success, ip: address.ip, via: 'portal', knownAccount, asn: address.asn, country: place.country, region: place.region, city: place.city, userAgent: device.userAgent };
}

/** An SSH attempt (sshd line: user, address and outcome only). */
export function sshLogin(user: string, success: boolean, address: Address, knownAccount: boolean): DemoLogin {
  return { user, success, ip: address.ip, via: 'sshd', knownAccount, asn: null, country: null, region: null, city: null, userAgent: null };
}

/** Users with history whose local hour now is one they often log in at, most habitual first. */
export function awakeUsers(users: readonly DemoUser[], time: number): DemoUser[] {
  const ranked = users
    .filter((candidate) => candidate.familiar.length > 0 && candidate.activeDays >= 5)
    .map((candidate) => ({ candidate, share: hourShare(candidate, time) }))
    .sort((left, right) => right.share - left.share);
  const awake = ranked.filter(({ share }) => share >= 0.2);
  // A small population may have nobody awake: then the most habitual few.
  return (awake.length >= 3 ? awake : ranked.slice(0, 10)).map(({ candidate }) => candidate);
}

/** A victim among the first half of `candidates` not attacked yet (any not attacked when all are); marks it taken. */
export function takeVictim(context: AttackContext, candidates: readonly DemoUser[]): DemoUser {
  const free = candidates.filter((candidate) => !context.victims.has(candidate.user));
  const pool = free.length > 0 ? free : context.users.filter((candidate) => !context.victims.has(candidate.user) && candidate.familiar.length > 0);
  if (pool.length === 0) throw new Error('the population is too small for this demo: use more users');
  const victim = context.random.pick(pool.slice(0, Math.max(1, Math.ceil(pool.length / 2))));
  context.victims.add(victim.user);
  return victim;
}

/** "NL, AS14061" or "Oslo, NO, AS2119". */
export function describeAddress(address: Address): string {
  const { place } = address;
  return `${place.city ? `${place.city}, ` : ''}${place.country}, AS${address.asn}`;
}
