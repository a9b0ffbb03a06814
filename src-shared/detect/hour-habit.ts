import { copyLocalTime, emptyLocalTime, type LocalTime } from './local-time.js';

/** How usual a time of day is for a user, against their own days and the organisation's. */
export interface HourHabit {
  /** Weighted days on which the user started a session (or, for activity, logged in) within `hourReach` hours of this time of day. */
  nearDays: number;
  /** Weighted days with any session of the user. */
  activeDays: number;
  /** Share of all users' active days with a session start (or a login) near this time (the prior). */
  populationShare: number;
  /** The user's share of days near this time, backed off to the population's (0..1). */
  share: number;
}

/** A habit to fill in. */
export function emptyHourHabit(): HourHabit {
  return { nearDays: 0, activeDays: 0, populationShare: 0, share: 0 };
}

function copyHourHabit(from: Readonly<HourHabit>, into: HourHabit): void {
  into.nearDays = from.nearDays;
  into.activeDays = from.activeDays;
  into.populationShare = from.populationShare;
  into.share = from.share;
}

/** The session a login belongs to, and how usual its start was: filled in place (see `HourHabits.session`). */
export interface SessionHour {
  /** Local time the session started (this login's own time when it starts one). */
  start: LocalTime;
  /** Whether the login continues an earlier session of the same device. */
  continued: boolean;
  /** How usual the session's start is. */
  habit: HourHabit;
  /**
   * How usual it is for the user to be logging in at all near this login's own time: a session that began
   * in the evening and is still re-authenticating at 3 a.m. has a usual start and an unusual hour.
   */
  activity: HourHabit;
}

/** A session to fill in: its own start and habits, never shared with an open session. */
export function emptySessionHour(): SessionHour {
  return { start: emptyLocalTime(), continued: false, habit: emptyHourHabit(), activity: emptyHourHabit() };
}

/** The time-of-day neighbourhood of a session start: hourly bins either side (3 h in all). */
export const hourReach = 1;
/** Logins of one device closer than this are one session (re-authentication after a timeout). */
export const sessionGapMs = 2 * 3_600_000;
/** Days of the population's habit a user's own history is backed off to. */
const priorDays = 5;
/** Before anything is known, an even spread over a 16 h waking day. */
const unknownShare = (2 * hourReach + 1) / 16;

/*
 * Days are counted in blocks of numbers in a Float64Array, so a user's habits are one array, not a tree of
 * objects and arrays to reach per login and to build per new user. A days block: for each hourly bin, the
 * days with a session start (or a login) near that hour, then the active days. A user's block is followed
 * by its credit of the current local day (see `credit`): each bin's credit, the day, and its weight.
 */
const bins = 24;
const activeDaysAt = bins;
const daysLength = bins + 1;
const creditAt = daysLength;
const creditDayAt = creditAt + bins;
const creditWeightAt = creditDayAt + 1;
const creditedDaysLength = creditWeightAt + 1;

/** Share of active days near `bin` in the days block at `at`, with `prior` days at `fallback`. */
function share(days: Float64Array, at: number, bin: number, prior: number, fallback: number): number {
  return (days[at + bin] + prior * fallback) / (days[at + activeDaysAt] + prior);
}

/**
 * How usual local time `local` is against the credited days block at `at` of `own`, backed off to the
 * population's days block at `populationAt`. Only earlier days count (what the current day has credited
 * so far is taken off): a night is not made usual by itself. Filled into `into`; `into`.
 */
function habitOf(own: Float64Array, at: number, population: Float64Array, populationAt: number, local: LocalTime, into: HourHabit): HourHabit {
  const bin = Math.floor(local.hour) % 24;
  const populationShare = share(population, populationAt, bin, 1, unknownShare);
  const today = own[at + creditDayAt] === local.day;
  const nearDays = own[at + bin] - (today ? own[at + creditAt + bin] : 0);
  const activeDays = own[at + activeDaysAt] - (today ? own[at + creditWeightAt] : 0);
  into.nearDays = nearDays;
  into.activeDays = activeDays;
  into.populationShare = populationShare;
  into.share = (nearDays + priorDays * populationShare) / (activeDays + priorDays);
  return into;
}

/**
 * Credit `local` (and the hours near it) with `weight` to the credited days block at `at` of `own` and to
 * the population's days block at `populationAt`: once per local day at the best weight seen (one busy
 * night is one day).
 */
function credit(own: Float64Array, at: number, population: Float64Array, populationAt: number, local: LocalTime, weight: number): void {
  if (local.day !== own[at + creditDayAt]) {
    own[at + creditDayAt] = local.day;
    own.fill(0, at + creditAt, at + creditAt + bins);
    own[at + creditWeightAt] = 0;
  }
  const credited = own[at + creditWeightAt];
  if (weight > credited) {
    own[at + activeDaysAt] += weight - credited;
    population[populationAt + activeDaysAt] += weight - credited;
    own[at + creditWeightAt] = weight;
  }
  const bin = Math.floor(local.hour) % 24;
  for (let offset = -hourReach; offset <= hourReach; offset++) {
    const near = (bin + offset + 24) % 24;
    const nearCredit = own[at + creditAt + near];
    if (weight > nearCredit) {
      own[at + near] += weight - nearCredit;
      population[populationAt + near] += weight - nearCredit;
      own[at + creditAt + near] = weight;
    }
  }
}

/** Where session starts and activity sit: in the population's days, and in a user's credited days. */
const populationStartsAt = 0;
const populationActivityAt = daysLength;
const startsAt = 0;
const activityAt = creditedDaysLength;

/** The organisation's habits: when sessions start, and when anyone logs in at all. Nights are quiet for almost everyone. */
export class PopulationHours {
  /** Two days blocks: session starts, then activity. */
  readonly days = new Float64Array(2 * daysLength);
}

interface OpenSession {
  start: LocalTime;
  last: number;
  habit: HourHabit;
}

/** A user's two credited days blocks, nothing credited yet (no current day). */
function newCreditedDays(): Float64Array {
  const days = new Float64Array(2 * creditedDaysLength);
  days[startsAt + creditDayAt] = Number.NaN;
  days[activityAt + creditDayAt] = Number.NaN;
  return days;
}

/** Whether a login at `time` continues an open session. */
function continues(open: OpenSession, time: number): boolean {
  return time - open.last < sessionGapMs;
}

/**
 * When a user starts sessions, and when they log in at all, learned per local day. Sessions, not logins:
 * one late evening that keeps re-authenticating past midnight is one session started in the evening, and
 * an insider's burst of logins at 3 a.m. is one session started at 3 a.m., judged as such for every login
 * in it. Activity too: a session may start at a usual hour and run on into one the user is never up at.
 * Days, not counts: one busy night does not make an hour habitual. A short history leans on the
 * organisation's habits, so an evening session is ordinary for a new user and a 3 a.m. one is not.
 */
export class HourHabits {
  /** Two credited days blocks: session starts, then activity. */
  private readonly days = newCreditedDays();
  /** Open sessions, one per device, and their devices' ids in the same order: a user has a few devices, scanned faster than hashed. */
  private readonly sessions: OpenSession[] = [];
  private readonly sessionDevices: number[] = [];

  /**
   * The session of a login from `device` (an interned device id, -1 for none) at `time` (local time `local`),
   * before learning it, into `into`; `into`.
   */
  session(device: number, time: number, local: LocalTime, population: PopulationHours, into = emptySessionHour()): SessionHour {
    const open = this.openSession(device);
    habitOf(this.days, activityAt, population.days, populationActivityAt, local, into.activity);
    if (open && continues(open, time)) {
      into.continued = true;
      copyLocalTime(open.start, into.start);
      copyHourHabit(open.habit, into.habit);
    } else {
      into.continued = false;
      copyLocalTime(local, into.start);
      this.habit(local, population, into.habit);
    }
    return into;
  }

  /** Learn a successful login trusted with `weight` (0..1); the population learns it too. */
  observe(device: number, time: number, local: LocalTime, weight: number, population: PopulationHours): void {
    credit(this.days, activityAt, population.days, populationActivityAt, local, weight);
    const open = this.openSession(device);
    if (open && continues(open, time)) {
      open.last = time;
      return;
    }
    // A device's next session reuses its record: the session before it is over.
    if (open) {
      copyLocalTime(local, open.start);
      open.last = time;
      this.habit(local, population, open.habit);
    } else {
      this.sessions.push({ start: copyLocalTime(local, emptyLocalTime()), last: time, habit: this.habit(local, population) });
      this.sessionDevices.push(device);
    }
    credit(this.days, startsAt, population.days, populationStartsAt, local, weight);
  }

  /** The last session of `device`, if it had one. */
  private openSession(device: number): OpenSession | undefined {
    const index = this.sessionDevices.indexOf(device);
    return index < 0 ? undefined : this.sessions[index];
  }

  /** How usual a session starting at local time `local` is for this user, into `into`; `into`. */
  habit(local: LocalTime, population: PopulationHours, into = emptyHourHabit()): HourHabit {
    return habitOf(this.days, startsAt, population.days, populationStartsAt, local, into);
  }
}
