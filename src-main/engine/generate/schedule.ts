import type { Random } from '../../../src-shared/random.js';
import { hourMs, weekday } from './geo.js';
import { normalBetween, poisson } from './sampling.js';
import type { User } from './users.js';

/** When a session starts and whether it is work (office network on a working day) or personal. */
export interface Session {
  time: number;
  atWork: boolean;
}

function at(midnight: number, hour: number, atWork: boolean): Session {
  return { time: midnight + hour * hourMs, atWork };
}

function personalSessions(random: Random, midnight: number, count: number, fromHour: number, toHour: number): Session[] {
  return Array.from({ length: count }, () => at(midnight, random.between(fromHour, toHour), false));
}

function officeDay(user: User, random: Random, midnight: number, day: number): Session[] {
  const dayOfWeek = weekday(day);
  if (dayOfWeek === 0 || dayOfWeek === 6 || random.chance(0.07)) {
    // Weekend, holiday or sick day: maybe a look at the phone.
    return random.chance(0.25) ? personalSessions(random, midnight, 1 + poisson(random, 0.4), 9, 23) : [];
  }
  const arrival = normalBetween(random, 8.5, 0.7, 6.5, 11);
  const leave = normalBetween(random, 17, 0.8, 15, 20);
  const sessions = [at(midnight, arrival + random.between(0, 0.3), true)];
  const more = poisson(random, 2.4 * user.activity);
  for (let index = 0; index < more; index++) sessions.push(at(midnight, random.between(arrival + 0.3, leave), true));
  if (random.chance(0.35 * user.activity)) sessions.push(...personalSessions(random, midnight, 1 + poisson(random, 0.3), 19, 23.5));
  return sessions;
}

function flexibleDay(user: User, random: Random, midnight: number, day: number): Session[] {
  const weekend = weekday(day) === 0 || weekday(day) === 6;
  if (!random.chance(weekend ? 0.5 : 0.85)) return [];
  const count = 1 + poisson(random, (weekend ? 1 : 3) * user.activity);
  // Remote workers: daytime and a long evening tail.
  return Array.from({ length: count }, () => at(midnight, random.chance(0.6) ? random.between(8, 18) : random.between(18, 24), false));
}

function shiftDay(user: User, random: Random, midnight: number, day: number): Session[] {
  const shift = user.shift;
  if (!shift) return [];
  const cycle = shift.onDays + shift.offDays;
  if ((((day + shift.phase) % cycle) + cycle) % cycle >= shift.onDays) {
    return random.chance(0.35) ? personalSessions(random, midnight, 1 + poisson(random, 0.3), 10, 23) : [];
  }
  // Night shifts run past midnight into the next calendar day: those sessions stay with the shift.
  const sessions = [at(midnight, shift.startHour + random.between(0, 0.4), true)];
  const more = poisson(random, 2 * user.activity);
  for (let index = 0; index < more; index++) sessions.push(at(midnight, shift.startHour + random.between(0.5, shift.hours), true));
  return sessions;
}

function weekendDay(user: User, random: Random, midnight: number, day: number): Session[] {
  const dayOfWeek = weekday(day);
  if (dayOfWeek === 0 || dayOfWeek === 6) {
    return random.chance(0.85) ? personalSessions(random, midnight, 1 + poisson(random, 1.5 * user.activity), 9, 24) : [];
  }
  if (dayOfWeek === 5) return random.chance(0.5) ? personalSessions(random, midnight, 1 + poisson(random, 0.5), 17, 24) : [];
  return random.chance(0.15) ? personalSessions(random, midnight, 1, 18, 23.5) : [];
}

function rareDay(user: User, random: Random, midnight: number): Session[] {
  if (!random.chance(user.rareRate)) return [];
  return personalSessions(random, midnight, random.chance(0.2) ? 2 : 1, 8, 22);
}

/**
 * Session starts of one user's local calendar day (`midnight` is its start in UTC ms), by working
 * pattern; `away` means on a trip, where work happens from a hotel.
 */
export function plannedSessions(user: User, random: Random, midnight: number, day: number, away: boolean): Session[] {
  if (away) return random.chance(0.9) ? personalSessions(random, midnight, 1 + poisson(random, 2 * user.activity), 7, 23) : [];
  switch (user.pattern) {
    case 'office':
      return officeDay(user, random, midnight, day);
    case 'flexible':
      return flexibleDay(user, random, midnight, day);
    case 'shift':
      return shiftDay(user, random, midnight, day);
    case 'weekend':
      return weekendDay(user, random, midnight, day);
    case 'rare':
      return rareDay(user, random, midnight);
  }
}
