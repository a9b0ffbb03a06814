/**
 * The normal traffic a demo plays around its attacks: users who usually log in at this hour, each
 * from an address and device they used lately near home, now and then after a mistyped password.
 */
import type { Random } from '../../../src-shared/random.js';
import { haversineKm } from '../generate/geo.js';
import { shuffled } from '../generate/sampling.js';
import type { User } from '../generate/users.js';
import { awakeUsers, portalLogin, type AttackStep } from './attack-context.js';
import type { DemoUser, FamiliarPair } from './habits.js';

/** Time between background logins (at speed 1). */
export const backgroundIntervalMs = 2000;
const typoShare = 0.04;
/** Pairs farther from home (a trip, a VPN exit abroad) would look like travel between two background logins. */
const homeRadiusKm = 300;

/** The pairs a user logs in with at home, most used first. */
function homePairs(demoUser: DemoUser): FamiliarPair[] {
  const { home } = demoUser.user;
  return demoUser.familiar.filter(
    (pair) => pair.address.kind !== 'vpn' && haversineKm(home.latitude, home.longitude, pair.address.place.latitude, pair.address.place.longitude) <= homeRadiusKm,
  );
}

function pickPair(random: Random, pairs: readonly FamiliarPair[]): FamiliarPair {
  let roll = random.next() * pairs.reduce((sum, pair) => sum + pair.logins, 0);
  for (const pair of pairs) {
    roll -= pair.logins;
    if (roll < 0) return pair;
  }
  return pairs[pairs.length - 1];
}

/** Background users at `now`: awake, with a familiar pair at home, not attacked in this demo. */
export function backgroundUsers(users: readonly DemoUser[], now: number, victims: ReadonlySet<User>): DemoUser[] {
  return awakeUsers(users, now).filter((candidate) => !victims.has(candidate.user) && homePairs(candidate).length > 0);
}

/** Background logins over [0, durationMs): one every two seconds, the users taken in turn in a shuffled order. */
export function planBackground(random: Random, users: readonly DemoUser[], durationMs: number): AttackStep[] {
  const steps: AttackStep[] = [];
  if (users.length === 0) return steps;
  let order: DemoUser[] = [];
  for (let at = 0; at < durationMs; at += backgroundIntervalMs) {
    if (order.length === 0) order = shuffled(random, users);
    const demoUser = order.pop() as DemoUser;
    const pair = pickPair(random, homePairs(demoUser));
    const name = demoUser.user.account.name;
    const typo = Math.round(random.between(3000, 8000));
    if (random.chance(typoShare) && at >= typo) steps.push({ at: at - typo, login: portalLogin(name, false, pair.address, pair.device) });
    steps.push({ at, login: portalLogin(name, true, pair.address, pair.device) });
  }
  return steps.sort((left, right) => left.at - right.at);
}
