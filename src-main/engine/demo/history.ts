/**
 * The history a demo room trains on: the seeded users' normal logins over the days before the demo,
 * written by the generator as JSON lines (user agent and place included), without attacks.
 */
import { generate, type GenerateSummary } from '../generate/index.js';
import { dayMs } from '../generate/geo.js';
import { spanOf, type Span } from '../generate/span.js';

/** Who the demo's users are and how much history they have: the generator's options of the history. */
export interface DemoPopulation {
  users: number;
  days: number;
  seed: number;
  /** UTC ms at which the history ends (exclusive): a UTC midnight. */
  historyEnd: number;
}

/** Defaults, the same as `vigil generate`'s: 200 users, 30 days, seed 1. */
export const defaultDemoPopulation = { users: 200, days: 30, seed: 1 } as const;

/** The UTC midnight that starts the day of `time`: where a history prepared that day ends. */
export function historyEndFor(time: number): number {
  return Math.floor(time / dayMs) * dayMs;
}

/** The generator's span of the history. */
export function historySpan(population: DemoPopulation): Span {
  return spanOf(population.historyEnd - population.days * dayMs, population.days);
}

/**
 * Write the history (JSON lines, labels beside it as `FILE.labels.csv`): exactly what
 * `vigil generate --format jsonl --scenarios none` writes for the same users, days, seed and start.
 */
export function prepareHistory(population: DemoPopulation, eventsPath: string): Promise<GenerateSummary> {
  return generate(
    { format: 'jsonl', users: population.users, days: population.days, seed: population.seed, scenarios: [], start: historySpan(population).start },
    { eventsPath, labelsPath: `${eventsPath}.labels.csv` },
  );
}
