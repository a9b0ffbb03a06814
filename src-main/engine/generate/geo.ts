import { distanceKm } from '../../../src-shared/detect/geo-distance.js';
import { zoneOffsetAt } from '../ingest/formats/time.js';
/** Great-circle distance in kilometres (haversine, mean Earth radius). */
export function haversineKm(latitude1: number, longitude1: number, latitude2: number, longitude2: number): number {
  return distanceKm({ latitude: latitude1, longitude: longitude1 }, { latitude: latitude2, longitude: longitude2 });
}

/** Milliseconds in a day. */
export const dayMs = 86_400_000;
/** Milliseconds in an hour. */
export const hourMs = 3_600_000;
/** Milliseconds in a minute. */
export const minuteMs = 60_000;

/**
 * The UTC offset (ms, east positive) of an IANA zone on the UTC calendar day containing `utcMs`,
 * taken at noon: the generator plans whole local days, and a DST change at night moves at most a few
 * events by an hour.
 */
export function zoneOffsetMs(timeZone: string, utcMs: number): number {
  return zoneOffsetAt(timeZone, Math.floor(utcMs / dayMs) * dayMs + 12 * hourMs);
}

/** UTC time of local midnight starting the local calendar day numbered `day` (days since 1970-01-01). */
export function localMidnight(timeZone: string, day: number): number {
  return day * dayMs - zoneOffsetMs(timeZone, day * dayMs);
}

/** Day of week (0 = Sunday) of the local calendar day numbered `day`. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}
