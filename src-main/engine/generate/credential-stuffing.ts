import { createRandom, type Random } from '../../../src-shared/random.js';
import type { AttackContext, AttackRun } from './attack-plan.js';
import { attackAttempt, attackDevice, proxyAddress } from './attackers.js';
import { byTime, type GeneratedEvent } from './event.js';
import { hourMs } from './geo.js';
import { outsiderAccount, outsiderName, type Account } from './names.js';
import { integerBetween } from './sampling.js';

/** Mean rows of one campaign (for sizing a scenario to a share of the rows). */
export const credentialStuffingMeanRows = 180;

/** A leaked combo list: a minority of the company's accounts among many that are not here at all. */
function leakedAccounts(random: Random, context: AttackContext, count: number): Account[] {
  return Array.from({ length: count }, () =>
    context.users.length > 0 && random.chance(0.35)
      ? random.pick(context.users).account
      : outsiderAccount(outsiderName(random, context.takenNames, 0.05)),
  );
}

/**
 * A campaign through rented proxies: many addresses across networks and countries, each trying a
 * few accounts from a leak, with the low success rate of password reuse.
 */
export function planCredentialStuffing(random: Random, context: AttackContext): AttackRun {
  const small = context.budgetRows < 100;
  const sources = integerBetween(random, 20, small ? 24 : 100);
  const perSource = small ? 2 : 5;
  const durationMs = Math.min(random.between(0.5, 6) * hourMs, context.maxDurationMs * 0.8);
  const seed = random.integer(0x1_0000_0000);
  return {
    durationMs: durationMs * 1.1 + 5 * 60_000,
    build(start) {
      const run = createRandom(seed);
      const events: GeneratedEvent[] = [];
      for (let source = 0; source < sources; source++) {
        const address = proxyAddress(run);
        const device = attackDevice(run, start, 0.3);
        let time = source === 0 ? start : start + run.next() * durationMs;
        for (const account of leakedAccounts(run, context, integerBetween(run, 1, perSource))) {
          const success = account.exists && run.chance(0.06);
          events.push(attackAttempt(time, account, success, address, device, 'credential_stuffing'));
          time += run.between(2_000, 60_000);
        }
      }
      return events.sort(byTime);
    },
  };
}
