import { createRandom, type Random } from '../../../src-shared/random.js';
import type { AttackContext, AttackRun } from './attack-plan.js';
import { attackAttempt, attackDevice, attackSource } from './attackers.js';
import type { GeneratedEvent } from './event.js';
import { genericNames, outsiderAccount } from './names.js';

/** Mean rows of one brute-force run (for sizing a scenario to a share of the rows). */
export const bruteForceMeanRows = 82;

/**
 * One IP hammers one account: 20–200 failures a few seconds apart (most runs short, a few long).
 * Against a real account the password is sometimes found: that last success is the takeover.
 */
export function planBruteForce(random: Random, context: AttackContext): AttackRun {
  // Mean 20 + spread / 3: 80 rows at full size, less when the dataset is small.
  const spread = Math.min(180, Math.max(0, (context.budgetRows - 20) * 3));
  const failures = 20 + Math.floor(spread * random.next() ** 2);
  const intervalMs = random.between(1_000, 10_000);
  const real = context.users.length > 0 && random.chance(0.85);
  const account = real ? random.pick(context.users).account : outsiderAccount(random.pick(genericNames));
  const takeover = real && random.chance(0.3);
  const seed = random.integer(0x1_0000_0000);
  return {
    durationMs: (failures + 1) * intervalMs * 1.5,
    build(start) {
      const run = createRandom(seed);
      const address = attackSource(run, 0.7);
      const device = attackDevice(run, start, 0.6);
      const events: GeneratedEvent[] = [];
      let time = start;
      for (let index = 0; index < failures; index++) {
        events.push(attackAttempt(time, account, false, address, device, 'brute_force'));
        time += intervalMs * run.between(0.5, 1.5);
      }
      if (takeover) events.push(attackAttempt(time, account, true, address, device, 'brute_force_takeover'));
      return events;
    },
  };
}
