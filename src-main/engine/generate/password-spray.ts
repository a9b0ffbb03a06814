import { createRandom, type Random } from '../../../src-shared/random.js';
import type { AttackContext, AttackRun } from './attack-plan.js';
import { attackAttempt, attackDevice, attackSource } from './attackers.js';
import type { GeneratedEvent } from './event.js';
import { hourMs } from './geo.js';
import { outsiderAccount, outsiderName, type Account } from './names.js';
import { integerBetween, shuffled } from './sampling.js';
import type { Address } from './world.js';

/** Mean rows of one spray (for sizing a scenario to a share of the rows). */
export const passwordSprayMeanRows = 110;

function sprayTargets(random: Random, context: AttackContext, count: number): Account[] {
  // Most names come from the company directory (they are harvested), the rest are guesses.
  const known = shuffled(random, context.users).slice(0, Math.round(count * random.between(0.55, 0.85)));
  const targets = known.map((user) => user.account);
  const names = new Set(targets.map((account) => account.name));
  while (targets.length < count) {
    const name = outsiderName(random, context.takenNames, 0.3);
    if (names.has(name)) continue;
    names.add(name);
    targets.push(outsiderAccount(name));
  }
  return shuffled(random, targets);
}

/** A few neighbouring addresses in one /24 (the attacker's small network), or just one. */
function sprayNetwork(random: Random): Address[] {
  const first = attackSource(random, 0.75);
  if (!random.chance(0.35)) return [first];
  const prefix = first.ip.slice(0, first.ip.lastIndexOf('.'));
  return Array.from({ length: integerBetween(random, 2, 6) }, () => ({ ...first, ip: `${prefix}.${1 + random.integer(254)}` }));
}

/**
 * One source tries one or two common passwords against many accounts (30–150), slowly (minutes apart,
 * under lockout thresholds) or fast. Now and then a weak password works.
 */
export function planPasswordSpray(random: Random, context: AttackContext): AttackRun {
  const most = Math.min(150, Math.max(30, Math.round(context.budgetRows * 1.4)));
  const targets = sprayTargets(random, context, integerBetween(random, 30, most));
  const rounds = random.chance(0.25) ? 2 : 1;
  const attempts = targets.length * rounds;
  let gapMs = random.chance(0.4) ? random.between(60_000, 600_000) : random.between(1_000, 20_000);
  gapMs = Math.min(gapMs, Math.min(20 * hourMs, context.maxDurationMs) / (attempts * 1.5));
  const seed = random.integer(0x1_0000_0000);
  return {
    durationMs: attempts * gapMs * 1.5,
    build(start) {
      const run = createRandom(seed);
      const network = sprayNetwork(run);
      const device = attackDevice(run, start, 0.5);
      const events: GeneratedEvent[] = [];
      const cracked = new Set<Account>();
      let time = start;
      for (let round = 0; round < rounds; round++) {
        for (const account of targets) {
          if (cracked.has(account)) continue;
          const success = account.exists && run.chance(0.01);
          if (success) cracked.add(account);
          events.push(attackAttempt(time, account, success, run.pick(network), device, 'password_spray'));
          time += gapMs * run.between(0.5, 1.5);
        }
      }
      return events;
    },
  };
}
