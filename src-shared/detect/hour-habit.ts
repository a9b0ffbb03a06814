import type { LocalTime } from './local-time.js';

/** How usual a session's start time is for a user, against their own days and the organisation's. */
export interface HourHabit {
  /** Weighted days on which the user started a session within `hourReach` hours of this time of day. */
  nearDays: number;
  /** Weighted days with any session of the user. */
  activeDays: number;
  /** Share of all users' active days with a session starting near this time (the prior). */
  populationShare: number;
  /** The user's share of days with a start near this time, backed off to the population's (0..1). */
  share: number;
}

/** The session a login belongs to, and how usual its start was. */
export interface SessionHour {
  /** Local time the session started (this login's own time when it starts one). */
  start: LocalTime;
  /** Whether the login continues an earlier session of the same device. */
  continued: boolean;
  habit: HourHabit;
}

/** The time-of-day neighbourhood of a session start: hourly bins either side (3 h in all). */
export const hourReach = 1;
/** Logins of one device closer than this are one session (re-authentication after a timeout). */
export const sessionGapMs = 2 * 3_600_000;
/** Days of the population's habit a user's own history is backed off to. */
const priorDays = 5;

/** Days with session starts near each hour of day, summed over a user or the whole organisation. */
class HourDays {
  readonly near = new Float64Array(24);
  activeDays = 0;

  /** Share of active days with a start near `bin`, with `prior` days at `fallback`. */
  share(bin: number, prior: number, fallback: number): number {
    return (this.near[bin] + prior * fallback) / (this.activeDays + prior);
  }
}

/** The organisation's session-start habits: nights are quiet for almost everyone. */
export class PopulationHours extends HourDays {}

interface OpenSession {
  start: LocalTime;
  last: number;
  habit: HourHabit;
}

/** Whether a login at `time` continues an open session. */
function continues(open: OpenSession, time: number): boolean {
  return time - open.last < sessionGapMs;
}

/**
 * When a user starts sessions, learned per local day. Sessions, not logins: one late evening that keeps
 * re-authenticating past midnight is one session started in the evening, and an insider's burst of
 * logins at 3 a.m. is one session started at 3 a.m., judged as such for every login in it. Days, not
 * counts: one busy night does not make an hour habitual. A short history leans on the organisation's
 * habits, so an evening session is ordinary for a new user and a 3 a.m. one is not.
 */
export class HourHabits extends HourDays {
  private day = Number.NaN;
  private readonly dayCredit = new Float64Array(24);
  private dayWeight = 0;
  private readonly sessions = new Map<string, OpenSession>();

  /** The session of a login from `device` at `time` (local time `local`), before learning it. */
  session(device: string, time: number, local: LocalTime, population: PopulationHours): SessionHour {
    const open = this.sessions.get(device);
    if (open && continues(open, time)) return { start: open.start, continued: true, habit: open.habit };
    return { start: local, continued: false, habit: this.habit(local.hour, population) };
  }

  /** Learn a successful login trusted with `weight` (0..1); the population learns it too. */
  observe(device: string, time: number, local: LocalTime, weight: number, population: PopulationHours): void {
    const open = this.sessions.get(device);
    if (open && continues(open, time)) {
      open.last = time;
      return;
    }
    this.sessions.set(device, { start: local, last: time, habit: this.habit(local.hour, population) });
    this.credit(local, weight, population);
  }

  /** How usual a session starting at a local hour of day is for this user. */
  habit(hour: number, population: PopulationHours): HourHabit {
    const bin = Math.floor(hour) % 24;
    // Before anything is known, an even spread over a 16 h waking day.
    const populationShare = population.share(bin, 1, (2 * hourReach + 1) / 16);
    return { nearDays: this.near[bin], activeDays: this.activeDays, populationShare, share: this.share(bin, priorDays, populationShare) };
  }

  /** Credit a session start to its day and the hours near it, once per day at the best weight seen. */
  private credit(local: LocalTime, weight: number, population: PopulationHours): void {
    if (local.day !== this.day) {
      this.day = local.day;
      this.dayCredit.fill(0);
      this.dayWeight = 0;
    }
    if (weight > this.dayWeight) {
      this.activeDays += weight - this.dayWeight;
      population.activeDays += weight - this.dayWeight;
      this.dayWeight = weight;
    }
    const bin = Math.floor(local.hour) % 24;
    for (let offset = -hourReach; offset <= hourReach; offset++) {
      const near = (bin + offset + 24) % 24;
      if (weight > this.dayCredit[near]) {
        this.near[near] += weight - this.dayCredit[near];
        population.near[near] += weight - this.dayCredit[near];
        this.dayCredit[near] = weight;
      }
    }
  }
}
