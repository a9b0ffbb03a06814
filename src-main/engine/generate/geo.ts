/** Great-circle distance in kilometres (haversine, mean Earth radius). */
export function haversineKm(latitude1: number, longitude1: number, latitude2: number, longitude2: number): number {
  const radians = Math.PI / 180;
  const dLatitude = (latitude2 - latitude1) * radians;
  const dLongitude = (longitude2 - longitude1) * radians;
  const a = Math.sin(dLatitude / 2) ** 2 + Math.cos(latitude1 * radians) * Math.cos(latitude2 * radians) * Math.sin(dLongitude / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Milliseconds in a day. */
export const dayMs = 86_400_000;
/** Milliseconds in an hour. */
export const hourMs = 3_600_000;
/** Milliseconds in a minute. */
export const minuteMs = 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

/**
 * The UTC offset (ms, east positive) of an IANA zone on the UTC calendar day containing `utcMs`,
 * taken at noon. Cached per zone and day: the generator plans whole local days, and a DST change at
 * night moves at most a few events by an hour.
 */
export function zoneOffsetMs(timeZone: string, utcMs: number): number {
  const day = Math.floor(utcMs / dayMs);
  let byDay = offsets.get(timeZone);
  if (!byDay) {
    byDay = new Map();
    offsets.set(timeZone, byDay);
  }
  const cached = byDay.get(day);
  if (cached !== undefined) return cached;
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const noon = day * dayMs + 12 * hourMs;
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(noon)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  const offset = local - noon;
  byDay.set(day, offset);
  return offset;
}

/** UTC time of local midnight starting the local calendar day numbered `day` (days since 1970-01-01). */
export function localMidnight(timeZone: string, day: number): number {
  return day * dayMs - zoneOffsetMs(timeZone, day * dayMs);
}

/** Day of week (0 = Sunday) of the local calendar day numbered `day`. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}
