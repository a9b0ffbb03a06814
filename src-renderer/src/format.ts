/** Display formats used across the views: counts, bytes, times, durations. */
export { formatBytes, formatCount } from '../../src-shared/format.js';

/** How times are shown: UTC, or the zone of the machine running the UI. */
export type DisplayZone = 'UTC' | 'local';

/** A share as a percentage with one decimal ("12.5 %"); "–" when the whole is zero. */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '–';
  const percent = (part / whole) * 100;
  // A handful of attack events among thousands must not read as "0.0 %".
  return part > 0 && percent < 0.1 ? '< 0.1 %' : `${percent.toFixed(1)} %`;
}

/** The zone's name for labels: "UTC" or e.g. "Europe/Oslo". */
export function zoneLabel(zone: DisplayZone): string {
  return zone === 'UTC' ? 'UTC' : Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Epoch ms → "2024-01-31 13:04:05" in the display zone (sortable, unambiguous). */
export function formatTime(time: number, zone: DisplayZone): string {
  const date = new Date(zone === 'UTC' ? time : time - new Date(time).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** Epoch ms → "2024-01-31" in the display zone. */
export function formatDate(time: number, zone: DisplayZone): string {
  return formatTime(time, zone).slice(0, 10);
}

/** A length of time in the two largest units: "3 d 4 h", "5 min 12 s", "800 ms". */
export function formatDuration(milliseconds: number): string {
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  const units: [string, number][] = [['d', 86_400_000], ['h', 3_600_000], ['min', 60_000], ['s', 1000]];
  const parts: string[] = [];
  let rest = milliseconds;
  for (const [name, size] of units) {
    const count = Math.floor(rest / size);
    if (count > 0 || parts.length > 0) parts.push(`${count} ${name}`);
    rest -= count * size;
    if (parts.length === 2) break;
  }
  return parts.filter((part) => !part.startsWith('0 ')).join(' ') || '0 s';
}

/** Epoch ms → the text of a time input, in the same form the tables show. */
export function toDateTimeInput(time: number | null, zone: DisplayZone): string {
  return time === null ? '' : formatTime(time, zone);
}

/**
 * A typed time in the display zone → epoch ms: "2026-01-31", "2026-01-31 13:05" or "2026-01-31 13:05:09"
 * (a T instead of the space works too). Null for empty text, NaN for text that is not such a time.
 */
export function fromDateTimeInput(value: string, zone: DisplayZone): number | null {
  const text = value.trim();
  if (!text) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!match) return NaN;
  const fields = match.slice(1).map((part) => Number(part ?? 0));
  const [year, month, day, hour, minute, second] = fields;
  const time = zone === 'UTC' ? Date.UTC(year, month - 1, day, hour, minute, second) : new Date(year, month - 1, day, hour, minute, second).getTime();
  // Date rolls 2026-02-31 over to March: a round trip that changes a field means the input was not a real time.
  const date = new Date(time);
  const back =
    zone === 'UTC'
      ? [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()]
      : [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds()];
  return back.every((value, index) => value === fields[index]) ? time : NaN;
}

/** "—" for a missing value, so empty cells read as "not in the log", not as a rendering bug. */
export function orDash(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

/** A risk 0–100 as a whole number, never rounded up into the next point ("64.9" → "64"), so it agrees with a threshold. */
export function formatRisk(risk: number): string {
  return String(Math.floor(risk));
}

/** A rate or score 0–1 with `digits` decimals ("0.9934", as score.py prints AUC); "–" when undefined (NaN). */
export function formatRatio(value: number | null | undefined, digits = 4): string {
  return value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits);
}
