/**
 * What the demo knows of each user from their history: the address and device pairs they used lately
 * and the hours of day they log in. The history is generated again from the same seed (it is
 * deterministic), so a demo needs no file: background logins reuse familiar pairs at familiar hours,
 * and attacks pick victims by what is unusual for them now.
 */
import type { Device } from '../generate/devices.js';
import { dayMs, hourMs, zoneOffsetMs } from '../generate/geo.js';
import { createUserStream } from '../generate/user-stream.js';
import { createPopulation, type User } from '../generate/users.js';
import type { Address } from '../generate/world.js';
import { historySpan, type DemoPopulation } from './history.js';

/** An address and device a user logged in with, and how often in the recent days. */
export interface FamiliarPair {
  address: Address;
  device: Device;
  logins: number;
}

/** A user of the population with their recent habits. */
export interface DemoUser {
  user: User;
  /** Pairs of the last `recentDays` of history, most used first. */
  familiar: FamiliarPair[];
  /** Local days with a successful login in each hour of the day (0–23, the home zone). */
  daysByHour: number[];
  /** Local days with any successful login. */
  activeDays: number;
}

/** How far back "lately" reaches. */
const recentDays = 10;

/** Regenerate the history of every user and sum up their habits. */
export function learnDemoUsers(population: DemoPopulation): DemoUser[] {
  const span = historySpan(population);
  const recentFrom = span.end - recentDays * dayMs;
  return createPopulation(population.users, population.seed, span).map((user) => {
    const stream = createUserStream(user, population.seed, span);
    const pairs = new Map<string, FamiliarPair>();
    const hourDays = Array.from({ length: 24 }, () => new Set<number>());
    const days = new Set<number>();
    for (let time = stream.nextTime(); time < span.end; time = stream.nextTime()) {
      const event = stream.take();
      if (event.time < span.start || !event.success) continue;
      const local = event.time + zoneOffsetMs(user.home.timeZone, event.time);
      const day = Math.floor(local / dayMs);
      days.add(day);
      hourDays[Math.floor((local - day * dayMs) / hourMs)].add(day);
      if (event.time < recentFrom) continue;
      const key = `${event.address.ip}|${event.device.userAgent}`;
      const pair = pairs.get(key);
      if (pair) pair.logins++;
      else pairs.set(key, { address: event.address, device: event.device, logins: 1 });
    }
    const familiar = [...pairs.values()].sort((left, right) => right.logins - left.logins);
    return { user, familiar, daysByHour: hourDays.map((set) => set.size), activeDays: days.size };
  });
}

/** The local hour of day (0–23) of a user at a time, in their home zone. */
export function localHour(user: User, time: number): number {
  const local = time + zoneOffsetMs(user.home.timeZone, time);
  return Math.floor((local - Math.floor(local / dayMs) * dayMs) / hourMs);
}

/** A user's local time of day at a time, "03:12", in their home zone. */
export function localClock(user: User, time: number): string {
  const local = time + zoneOffsetMs(user.home.timeZone, time);
  return new Date(local).toISOString().slice(11, 16);
}

/**
 * The share of a user's active days with a login within `radius` hours of `time`'s local hour: how usual
 * the hour is. Days can count more than once across neighbouring hours: a bound above, enough to rank users by.
 */
export function hourShare(demoUser: DemoUser, time: number, radius = 1): number {
  if (demoUser.activeDays === 0) return 0;
  const hour = localHour(demoUser.user, time);
  let near = 0;
  for (let offset = -radius; offset <= radius; offset++) near += demoUser.daysByHour[(hour + offset + 24) % 24];
  return Math.min(1, near / demoUser.activeDays);
}
