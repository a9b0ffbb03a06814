/**
 * Quiet hours: a local time range in an IANA zone ("22:00"–"07:00" Europe/Oslo) during which alerts are
 * recorded but nobody is woken. The range may cross midnight; from = to means the whole day.
 */
import type { AlertPolicy } from '../../../src-shared/api/settings.js';

/** The quiet hours of a policy. */
export type QuietHours = NonNullable<AlertPolicy['quietHours']>;

/** Minutes since local midnight at `time` in `timeZone`. Throws a RangeError for an unknown zone. */
export function localMinutes(time: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(time);
  const hour = Number(parts.find((part) => part.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((part) => part.type === 'minute')?.value ?? 0);
  return hour * 60 + minute;
}

/** True when `time` (UTC ms) falls in the quiet hours; null quiet hours are never quiet. */
export function inQuietHours(quiet: QuietHours | null, time: number): boolean {
  if (!quiet) return false;
  const from = clockMinutes(quiet.from);
  const to = clockMinutes(quiet.to);
  const now = localMinutes(time, quiet.timeZone);
  if (from === to) return true;
  return from < to ? now >= from && now < to : now >= from || now < to;
}

function clockMinutes(text: string): number {
  const [hour, minute] = text.split(':').map(Number);
  return hour * 60 + minute;
}
