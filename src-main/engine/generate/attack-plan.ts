import type { GeneratedEvent } from './event.js';
import type { User } from './users.js';

/** What every attack planner may draw on. */
export interface AttackContext {
  users: readonly User[];
  /** Names of the population (outsider names must avoid them). */
  takenNames: ReadonlySet<string>;
  /** The longest a run may last to fit between the attack window's start and the span's end. */
  maxDurationMs: number;
  /** Rows one run should have on average, so that small datasets are not swamped by one attack. */
  budgetRows: number;
}

/** A planned attack run: its length (so it fits in the span) and how to build its rows from a start time. */
export interface AttackRun {
  durationMs: number;
  /** Rows in time order, all at or after `start`, the first exactly at `start`. */
  build(start: number): GeneratedEvent[];
}
