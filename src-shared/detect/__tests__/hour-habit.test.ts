import { describe, expect, it } from 'vitest';
import { emptySessionHour, HourHabits, PopulationHours } from '../hour-habit.js';
import { localTime } from '../local-time.js';

const hour = 3_600_000;
/** Monday 2026-01-05 00:00 UTC. */
const monday = Date.UTC(2026, 0, 5);
/** A device's interned id. */
const laptop = 3;

describe('HourHabits', () => {
  it('fills a session of its own: a continued session copies the open one, which a later session reuses', () => {
    const population = new PopulationHours();
    const habits = new HourHabits();
    const nine = localTime(monday + 9 * hour, null);
    habits.observe(laptop, monday + 9 * hour, nine, 1, population);
    const session = emptySessionHour();
    const tenPast = localTime(monday + 10 * hour, null);
    expect(habits.session(laptop, monday + 10 * hour, tenPast, population, session)).toBe(session);
    expect(session.continued).toBe(true);
    expect(session.start).toEqual(nine);
    const started = { ...session.habit };
    // The next day's session reuses the device's record; the session filled before keeps its values.
    const nextDay = localTime(monday + 33 * hour, null);
    habits.observe(laptop, monday + 33 * hour, nextDay, 1, population);
    expect(session.start).toEqual(nine);
    expect(session.habit).toEqual(started);
    habits.session(laptop, monday + 34 * hour, localTime(monday + 34 * hour, null), population, session);
    expect(session.start).toEqual(nextDay);
    expect(session.start).not.toBe(nextDay);
  });
});
