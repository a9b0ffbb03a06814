/**
 * Runs a demo: plans it, connects to the listener, and sends each message at its moment on the
 * timeline (divided by the speed) with the time of sending as its timestamp, so the listener judges
 * every login as happening now. Cancellable, and it reports each phase and each message sent, so the
 * command line and the desktop's Live view can both drive it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { defaultDemoPopulation, historyEndFor, type DemoPopulation } from './history.js';
import { formatDemoMessage } from './messages.js';
import { planDemo, type DemoPhase, type DemoPlan } from './plan.js';
import { parseDemoScenarios, type DemoScenario } from './scenarios.js';
import { openSender } from './sender.js';
import { parseDemoTarget } from './target.js';

/** Progress after each message. */
export interface DemoProgress {
  sent: number;
  total: number;
  /** The current phase's name: "background" or "attack: password-spray". */
  phase: string;
}

/** What to play, where, and how fast. */
export interface DemoOptions {
  /** A scenario name or 'all'. */
  scenario: DemoScenario | 'all';
  /** `udp://HOST:PORT` or `tcp://HOST:PORT`. */
  target: string;
  /** Times real time of the demo's timeline (2 plays it twice as fast). Default 1. */
  speed?: number;
  /** The population: the same users, days and seed as the history the case was trained on. Defaults as `vigil generate`. */
  seed?: number;
  users?: number;
  days?: number;
  /** UTC ms at which that history ends. Default: the start of today (UTC), where `vigil demo --prepare` ends it today. */
  historyEnd?: number;
  /** Stops the demo after the message being sent; the result says it was cancelled. */
  signal?: AbortSignal;
  /** Called when the plan is ready, before anything is sent. */
  onPlan?: (plan: DemoPlan) => void;
  /** Called as each phase starts (background, then each attack with what the room should see). */
  onPhase?: (phase: DemoPhase, index: number) => void;
  /** Called after each message. */
  onProgress?: (progress: DemoProgress) => void;
  /** Clock for timestamps and victim choice. Default Date.now. */
  now?: () => number;
}

/** What a demo did. */
export interface DemoResult {
  sent: number;
  total: number;
  cancelled: boolean;
  plan: DemoPlan;
}

/** The population of a demo's options, checked. */
export function demoPopulation(options: Pick<DemoOptions, 'seed' | 'users' | 'days' | 'historyEnd'>, now: number): DemoPopulation {
  const population = {
    users: options.users ?? defaultDemoPopulation.users,
    days: options.days ?? defaultDemoPopulation.days,
    seed: options.seed ?? defaultDemoPopulation.seed,
    historyEnd: options.historyEnd ?? historyEndFor(now),
  };
  const whole = (name: string, value: number, low: number, high: number): void => {
    if (!Number.isInteger(value) || value < low || value > high) throw new RangeError(`${name} must be a whole number from ${low} to ${high}, not ${value}`);
  };
  whole('users', population.users, 5, 100_000);
  whole('days', population.days, 7, 365);
  whole('seed', population.seed, 0, 0xffff_ffff);
  if (!Number.isFinite(population.historyEnd)) throw new RangeError('the end of the history must be a valid time');
  return population;
}

/**
 * Play a demo into a syslog listener. Rejects before sending anything on a bad target, scenario, speed or
 * population, or when a TCP target refuses the connection; rejects later only when the target goes away.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const now = options.now ?? Date.now;
  const speed = options.speed ?? 1;
  if (!Number.isFinite(speed) || speed <= 0) throw new RangeError(`speed must be a number above 0, not ${speed}`);
  const scenarios = parseDemoScenarios(options.scenario);
  const target = parseDemoTarget(options.target);
  const started = now();
  const plan = planDemo(demoPopulation(options, started), scenarios, started);
  options.onPlan?.(plan);
  const sender = await openSender(target);
  const result: DemoResult = { sent: 0, total: plan.items.length, cancelled: false, plan };
  const clockStart = performance.now();
  let phase = -1;
  try {
    for (const item of plan.items) {
      const wait = item.at / speed - (performance.now() - clockStart);
      if (wait > 1) {
        try {
          await sleep(wait, undefined, { signal: options.signal });
        } catch (error) {
          if (options.signal?.aborted) break;
          throw error;
        }
      }
      if (options.signal?.aborted) break;
      if (item.phase !== phase) {
        phase = item.phase;
        options.onPhase?.(plan.phases[phase], phase);
      }
      await sender.send(formatDemoMessage(item.login, now(), result.sent));
      result.sent++;
      options.onProgress?.({ sent: result.sent, total: result.total, phase: plan.phases[phase].name });
    }
  } finally {
    await sender.close();
  }
  result.cancelled = result.sent < result.total;
  return result;
}
