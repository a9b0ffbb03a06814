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

/** Days with session starts (or logins) near each hour of day, summed over a user or the whole organisation. */
class HourDays {
  readonly near = new Float64Array(24);
  activeDays = 0;

  /** Share of active days near `bin`, with `prior` days at `fallback`. */
  share(bin: number, prior: number, fallback: number): number {
    return (this.near[bin] + prior * fallback) / (this.activeDays + prior);
  }

  /**
   * How usual local time `local` is against these days, backed off to the population's. Only earlier days
   * count (`today` is what the current day has credited so far): a night is not made usual by itself.
   * Filled into `into`; `into`.
   */
  habit(local: LocalTime, population: HourDays, today: DayCredit, into: HourHabit): HourHabit {
    const bin = Math.floor(local.hour) % 24;
    const populationShare = population.share(bin, 1, unknownShare);
    const nearDays = this.near[bin] - today.creditOf(local.day, bin);
    const activeDays = this.activeDays - today.weightOf(local.day);
    into.nearDays = nearDays;
    into.activeDays = activeDays;
    into.populationShare = populationShare;
    into.share = (nearDays + priorDays * populationShare) / (activeDays + priorDays);
    return into;
  }
}

/** The organisation's habits: when sessions start, and when anyone logs in at all. Nights are quiet for almost everyone. */
export class PopulationHours {
  readonly starts = new HourDays();
  readonly activity = new HourDays();
}

/** Credits hours to one local day at a time, once per day at the best weight seen (one busy night is one day). */
class DayCredit {
  private day = Number.NaN;
  private readonly hours = new Float64Array(24);
  private weight = 0;

  /** What the local day `day` has credited to hour bin `bin` so far (0 for any other day). */
  creditOf(day: number, bin: number): number {
    return day === this.day ? this.hours[bin] : 0;
  }

  /** The weight the local day `day` has added to the active days so far (0 for any other day). */
  weightOf(day: number): number {
    return day === this.day ? this.weight : 0;
  }

  /** Credit `local` (and the hours near it) with `weight` to a user's days and the population's. */
  credit(local: LocalTime, weight: number, own: HourDays, population: HourDays): void {
    if (local.day !== this.day) {
      this.day = local.day;
      this.hours.fill(0);
      this.weight = 0;
    }
    if (weight > this.weight) {
      own.activeDays += weight - this.weight;
      population.activeDays += weight - this.weight;
      this.weight = weight;
    }
    const bin = Math.floor(local.hour) % 24;
    for (let offset = -hourReach; offset <= hourReach; offset++) {
      const near = (bin + offset + 24) % 24;
      if (weight > this.hours[near]) {
        own.near[near] += weight - this.hours[near];
        population.near[near] += weight - this.hours[near];
        this.hours[near] = weight;
      }
    }
  }
}

interface OpenSession {
  /** Interned id of the device (-1 for logins without one). */
  device: number;
  start: LocalTime;
  last: number;
  habit: HourHabit;
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
  private readonly starts = new HourDays();
  private readonly activity = new HourDays();
  private readonly startCredit = new DayCredit();
  private readonly activityCredit = new DayCredit();
  /** Open sessions, one per device, and their devices' ids in the same order: a user has a few devices, scanned faster than hashed. */
  private readonly sessions: OpenSession[] = [];
  private readonly sessionDevices: number[] = [];

  /**
   * The session of a login from `device` (an interned device id, -1 for none) at `time` (local time `local`),
   * before learning it, into `into`; `into`.
   */
  session(device: number, time: number, local: LocalTime, population: PopulationHours, into = emptySessionHour()): SessionHour {
    const open = this.openSession(device);
    this.activity.habit(local, population.activity, this.activityCredit, into.activity);
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
    this.activityCredit.credit(local, weight, this.activity, population.activity);
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
      this.sessions.push({ device, start: copyLocalTime(local, emptyLocalTime()), last: time, habit: this.habit(local, population) });
      this.sessionDevices.push(device);
    }
    this.startCredit.credit(local, weight, this.starts, population.starts);
  }

  /** The last session of `device`, if it had one. */
  private openSession(device: number): OpenSession | undefined {
    const index = this.sessionDevices.indexOf(device);
    return index < 0 ? undefined : this.sessions[index];
  }

  /** How usual a session starting at local time `local` is for this user, into `into`; `into`. */
  habit(local: LocalTime, population: PopulationHours, into = emptyHourHabit()): HourHabit {
    return this.starts.habit(local, population.starts, this.startCredit, into);
  }
}
