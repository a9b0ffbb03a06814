/**
 * Reading the values of generic CSV / JSON columns: times, outcomes, numbers, IP addresses.
 */
import { isIP } from 'node:net';
import type { Outcome } from '../../../../src-shared/event.js';
import { epochToMs, parseIsoTime } from './time.js';

/** A JSON value or a CSV cell. */
export type CellValue = string | number | boolean | null | undefined | object;

const epochPattern = /^[+-]?\d+(\.\d+)?$/;

/**
 * A time cell as UTC ms, or NaN: ISO 8601 with or without zone (naive → `timeZone`),
 * `YYYY-MM-DD HH:MM:SS(.fff)`, or epoch seconds / milliseconds / microseconds as a number or digits.
 */
export function parseTimeValue(value: CellValue, timeZone: string): number {
  if (typeof value === 'number') return Number.isFinite(value) ? epochToMs(value) : Number.NaN;
  if (typeof value !== 'string') return Number.NaN;
  const text = value.trim();
  if (epochPattern.test(text)) return epochToMs(Number(text));
  return parseIsoTime(text, timeZone);
}

const outcomeWords = new Map<string, Outcome>([
  ['true', 'success'],
  ['false', 'failure'],
  ['1', 'success'],
  ['0', 'failure'],
  ['yes', 'success'],
  ['no', 'failure'],
  ['y', 'success'],
  ['n', 'failure'],
  ['t', 'success'],
  ['f', 'failure'],
  ['success', 'success'],
  ['succeeded', 'success'],
  ['successful', 'success'],
  ['ok', 'success'],
  ['pass', 'success'],
  ['passed', 'success'],
  ['accepted', 'success'],
  ['allow', 'success'],
  ['allowed', 'success'],
  ['granted', 'success'],
  ['failure', 'failure'],
  ['failed', 'failure'],
  ['fail', 'failure'],
  ['error', 'failure'],
  ['denied', 'failure'],
  ['deny', 'failure'],
  ['rejected', 'failure'],
  ['reject', 'failure'],
  ['blocked', 'failure'],
  ['invalid', 'failure'],
]);

/** An outcome cell (true/false, 1/0, success/failure/failed/ok/denied/accepted/rejected, …; any case), or null. */
export function parseOutcomeValue(value: CellValue): Outcome | null {
  if (typeof value === 'boolean') return value ? 'success' : 'failure';
  if (typeof value === 'number') return value === 1 ? 'success' : value === 0 ? 'failure' : null;
  if (typeof value !== 'string') return null;
  return outcomeWords.get(value.trim().toLowerCase()) ?? null;
}

/** A cell as text: null for absent, empty, '-' and non-scalar values. */
export function textValue(value: CellValue): string | null {
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' || text === '-' ? null : text;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** A numeric cell, or null when absent or not a finite number. */
export function numberValue(value: CellValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = textValue(value);
  if (text === null) return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

/** An ASN cell: a number, or 'AS29695'. */
export function asnValue(value: CellValue): number | null {
  const text = textValue(value);
  if (text === null) return null;
  const digits = /^(?:AS)?(\d{1,10})$/i.exec(text);
  return digits ? Number(digits[1]) : null;
}

/**
 * A valid IPv4 or IPv6 address in canonical text, or null. IPv4-mapped IPv6 (`::ffff:1.2.3.4`) becomes
 * the IPv4 address so that one client has one address (and one /24) whichever way the log wrote it.
 */
export function normaliseIp(text: string | null): string | null {
  if (text === null) return null;
  let address = text.trim();
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
  const kind = isIP(address);
  if (kind === 4) return address;
  if (kind !== 6) return null;
  const lower = address.toLowerCase();
  if (lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4) return lower.slice(7);
  return lower;
}
