/**
 * A demo's plan: the messages to send, each at its moment on the demo's own timeline (at speed 1), and
 * the phases a room is told about: normal traffic first, then each attack in turn with normal traffic
 * going on around it, then a little more normal traffic.
 */
import { createRandom } from '../../../src-shared/random.js';
import type { User } from '../generate/users.js';
import { deriveSeed } from '../generate/sampling.js';
import type { AttackContext, PlannedAttack } from './attack-context.js';
import { planImpossibleTravel, planNewDeviceNight } from './attacks-account.js';
import { planBruteForceTakeover, planCredentialStuffing, planPasswordSpray } from './attacks-credentials.js';
import { backgroundUsers, planBackground } from './background.js';
import { learnDemoUsers } from './habits.js';
import type { DemoPopulation } from './history.js';
import type { DemoLogin } from './messages.js';
import type { DemoScenario } from './scenarios.js';

/** Normal traffic before the first attack, between attacks and after the last (at speed 1). */
export const leadInMs = 10_000;

/** One phase of a demo, as the room is told about it. */
export interface DemoPhase {
  /** "background" or "attack: password-spray". */
  name: string;
  scenario: DemoScenario | null;
  /** Start and end (exclusive) on the demo's timeline, ms at speed 1. */
  start: number;
  end: number;
  /** Who and where: "on user alice from 203.0.113.9 (…)", or the background's users. */
  target: string;
  /** What the room should see. */
  expect: string;
}

/** One message to send. */
export interface DemoItem {
  /** ms on the demo's timeline (speed 1). */
  at: number;
  /** Index into the plan's phases (background logins during an attack are in the attack's phase). */
  phase: number;
  /** The attack this login is part of; null for background. */
  scenario: DemoScenario | null;
  login: DemoLogin;
}

/** Everything a demo sends, in order. */
export interface DemoPlan {
  population: DemoPopulation;
  phases: DemoPhase[];
  items: DemoItem[];
  /** Length of the timeline at speed 1. */
  durationMs: number;
  /** Users in the background traffic. */
  backgroundUsers: number;
}

const planners: Record<DemoScenario, (context: AttackContext) => PlannedAttack> = {
  'brute-force-takeover': planBruteForceTakeover,
  'password-spray': planPasswordSpray,
  'credential-stuffing': planCredentialStuffing,
  'impossible-travel': planImpossibleTravel,
  'new-device-night': planNewDeviceNight,
};

/** Plan a demo of `scenarios` for a population at `now` (UTC ms; victims and background users depend on their local hour then). */
export function planDemo(population: DemoPopulation, scenarios: readonly DemoScenario[], now: number): DemoPlan {
  const random = createRandom(deriveSeed(population.seed, 40));
  const users = learnDemoUsers(population);
  const context: AttackContext = { random, users, now, victims: new Set<User>() };
  const attacks = scenarios.map((scenario) => planners[scenario](context));
  const background = backgroundUsers(users, now, context.victims);
  const backgroundPhase = (start: number, end: number): DemoPhase => ({
    name: 'background',
    scenario: null,
    start,
    end,
    target: `normal logins of ${background.length} users for whom it is a usual hour, from their own devices and addresses`,
    expect: 'low risk: familiar devices, providers and places at familiar hours',
  });

  const phases: DemoPhase[] = [];
  const items: Omit<DemoItem, 'phase'>[] = [];
  let cursor = 0;
  for (const attack of attacks) {
    phases.push(backgroundPhase(cursor, cursor + leadInMs));
    const start = cursor + leadInMs;
    const end = start + attack.steps[attack.steps.length - 1].at + 1;
    phases.push({ name: `attack: ${attack.scenario}`, scenario: attack.scenario, start, end, target: attack.target, expect: attack.expect });
    for (const step of attack.steps) items.push({ at: start + step.at, scenario: attack.scenario, login: step.login });
    cursor = end;
  }
  const durationMs = cursor + leadInMs;
  phases.push(backgroundPhase(cursor, durationMs));
  for (const step of planBackground(random, background, durationMs)) items.push({ ...step, scenario: null });
  // Stable: an attack's own steps keep their order; background fills in between.
  items.sort((left, right) => left.at - right.at);
  let phase = 0;
  const placed = items.map((item) => {
    while (item.at >= phases[phase].end) phase++;
    return { ...item, phase };
  });
  return { population, phases, items: placed, durationMs, backgroundUsers: background.length };
}
