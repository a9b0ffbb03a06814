/**
 * Time of day where a login happened. Logs stamp UTC, but people keep local hours, and a traveller's
 * 9:00 in Tokyo is 9:00 for them, not 1:00 at home. With coordinates we take the solar offset of the
 * login's longitude, rounded to whole hours (zones follow longitude closely enough for a habit model);
 * without them, UTC, which is at least consistent for a user who stays put.
 */
export interface LocalTime {
  /** Hour of day, 0 ≤ hour < 24, with minutes as a fraction. */
  hour: number;
  /** Day of week of the local time, 0 = Sunday. */
  weekday: number;
  /** Local calendar day, as days since 1970-01-01. */
  day: number;
  /** Offset from UTC in whole hours, or null when the login has no coordinates (then UTC is used). */
  offsetHours: number | null;
}

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The solar UTC offset, in whole hours, of a longitude (east positive). */
export function solarOffsetHours(longitude: number): number {
  return Math.max(-12, Math.min(14, Math.round(longitude / 15)));
}

/** A local time to fill in (see `localTime`, `copyLocalTime`). */
export function emptyLocalTime(): LocalTime {
  return { hour: 0, weekday: 0, day: 0, offsetHours: null };
}

/** Local time of `time` (UTC ms) at `longitude`, or UTC when the longitude is unknown, into `into`; `into`. */
export function localTime(time: number, longitude: number | null, into = emptyLocalTime()): LocalTime {
  const offsetHours = longitude === null ? null : solarOffsetHours(longitude);
  const shifted = time + (offsetHours ?? 0) * hourMs;
  const day = Math.floor(shifted / dayMs);
  into.hour = (shifted - day * dayMs) / hourMs;
  // Arithmetic instead of a Date per login: 1970-01-01 was a Thursday (weekday 4).
  into.weekday = (((day + 4) % 7) + 7) % 7;
  into.day = day;
  into.offsetHours = offsetHours;
  return into;
}

/** `from` copied into `into`; `into`. */
export function copyLocalTime(from: Readonly<LocalTime>, into: LocalTime): LocalTime {
  into.hour = from.hour;
  into.weekday = from.weekday;
  into.day = from.day;
  into.offsetHours = from.offsetHours;
  return into;
}

/** "Sat 02:13 local (UTC+1)" / "Sat 02:13 UTC". */
export function describeLocalTime(local: LocalTime): string {
  // Whole minutes, with a nudge against the float error of hour fractions (01:20 must not read 01:19).
  const clockMinutes = Math.floor(local.hour * 60 + 1e-6);
  const hours = Math.floor(clockMinutes / 60);
  const minutes = clockMinutes % 60;
  const clock = `${weekdays[local.weekday]} ${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  if (local.offsetHours === null) return `${clock} UTC`;
  const sign = local.offsetHours < 0 ? '−' : '+';
  return `${clock} local (UTC${local.offsetHours === 0 ? '' : `${sign}${Math.abs(local.offsetHours)}`})`;
}
