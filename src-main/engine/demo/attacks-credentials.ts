/**
 * Attacks on passwords: a brute force that ends in a takeover, a password spray over SSH, and a
 * credential-stuffing campaign through proxies. Compressed to seconds between attempts so a room sees
 * each one unfold within a minute.
 */
import { attackSource, hostingAddress, proxyAddress } from '../generate/attackers.js';
import { deviceAt, pickAttackTemplate } from '../generate/devices.js';
import { genericNames, outsiderName } from '../generate/names.js';
import { shuffled } from '../generate/sampling.js';
import { awakeUsers, describeAddress, portalLogin, sshLogin, takeVictim, type AttackContext, type AttackStep, type PlannedAttack } from './attack-context.js';

const bruteForceFailures = 30;

/** 30 failures on one account from a rented server, a second apart, then the password is found. */
export function planBruteForceTakeover(context: AttackContext): PlannedAttack {
  const { random } = context;
  const victim = takeVictim(context, awakeUsers(context.users, context.now));
  const name = victim.user.account.name;
  const address = hostingAddress(random);
  const device = deviceAt(pickAttackTemplate(random), context.now);
  const steps: AttackStep[] = [];
  let at = 0;
  for (let index = 0; index < bruteForceFailures; index++) {
    steps.push({ at, login: portalLogin(name, false, address, device) });
    at += Math.round(random.between(600, 1400));
  }
  steps.push({ at: at + 1500, login: portalLogin(name, true, address, device) });
  return {
    scenario: 'brute-force-takeover',
    steps,
    target: `on user ${name} from ${address.ip} (${describeAddress(address)}, ${device.browser})`,
    expect:
      `brute force against ${name} (from the first failures: an address nobody ever logged in from), high risk by the 10th failure; ` +
      `then a success after ${bruteForceFailures} failures on a device and provider ${name} never used: success after failures, ` +
      'and the account is locked, so even the right password is blocked until the lockout ends',
  };
}

const sprayNames = 20;

/** One address tries one password on 20 names over SSH (a few of them generic), and one works. */
export function planPasswordSpray(context: AttackContext): PlannedAttack {
  const { random } = context;
  const address = attackSource(random, 0.7);
  const real = shuffled(random, context.users.filter((candidate) => !context.victims.has(candidate.user))).slice(0, sprayNames - 4);
  const generic = shuffled(random, genericNames).slice(0, sprayNames - real.length);
  const names = shuffled(random, [...real.map((candidate) => ({ name: candidate.user.account.name, known: true })), ...generic.map((name) => ({ name, known: false }))]);
  const steps: AttackStep[] = names.map((entry, index) => ({ at: index * 1500, login: sshLogin(entry.name, false, address, entry.known) }));
  // The one account whose password was the sprayed one.
  const weak = real.length > 0 ? real[real.length - 1] : takeVictim(context, context.users);
  context.victims.add(weak.user);
  steps.push({ at: names.length * 1500 + 2000, login: sshLogin(weak.user.account.name, true, address, true) });
  return {
    scenario: 'password-spray',
    steps,
    target: `from ${address.ip} (${describeAddress(address)}) over SSH: ${names.length} names, then a success for ${weak.user.account.name}`,
    expect:
      `password spray: ${names.length} distinct users tried from ${address.ip}, almost all failing (high risk from the 10th name, ` +
      `earlier as the start of a spray); the success for ${weak.user.account.name} from the spraying address is high risk too`,
  };
}

const stuffingSources = 24;

/** A leaked list tried through 24 proxy addresses, two names each, mostly names that are not accounts here; one reused password works. */
export function planCredentialStuffing(context: AttackContext): PlannedAttack {
  const { random } = context;
  const taken = new Set(context.users.map((candidate) => candidate.user.account.name));
  const steps: AttackStep[] = [];
  let at = 0;
  for (let source = 0; source < stuffingSources; source++) {
    const address = proxyAddress(random);
    const device = deviceAt(pickAttackTemplate(random), context.now);
    for (let attempt = 0; attempt < 2; attempt++) {
      const real = random.chance(0.2) ? random.pick(context.users) : null;
      const name = real ? real.user.account.name : outsiderName(random, taken, 0.05);
      steps.push({ at, login: portalLogin(name, false, address, device, real !== null) });
      at += Math.round(random.between(500, 1500));
    }
  }
  const victim = takeVictim(context, context.users);
  const address = proxyAddress(random);
  const device = deviceAt(pickAttackTemplate(random), context.now);
  steps.push({ at: at + 1000, login: portalLogin(victim.user.account.name, true, address, device) });
  return {
    scenario: 'credential-stuffing',
    steps,
    target: `through ${stuffingSources + 1} proxy addresses: ${steps.length - 1} failures, mostly for names that are not accounts here, then a success for ${victim.user.account.name} from ${address.ip} (${describeAddress(address)})`,
    expect:
      'credential stuffing: once 5 failures for unknown names came from 3 networks, each new proxy address is flagged as part of the campaign; ' +
      `the success for ${victim.user.account.name} from a proxy on a device and provider the user never used is flagged as well`,
  };
}
