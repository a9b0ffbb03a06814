/**
 * fail2ban's filter test logs: each test line follows a `# failJSON: {...}` comment that states the
 * expected time (fail2ban's tests run in Europe/Zurich), whether the line is an authentication failure,
 * and from which host.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isIP } from 'node:net';
import type { LoginEventInput } from '../../../../../src-shared/event.js';
import type { Parser } from '../../parser.js';

/** The failJSON of a test line. */
export interface FailJson {
  time?: string;
  match: boolean;
  host?: string;
  ip4?: string;
  ip6?: string;
  desc?: string;
  constraint?: string;
}

/** One test line and what fail2ban expects of it. */
export interface Fail2banCase {
  /** 1-based line number in the file. */
  line: number;
  text: string;
  expected: FailJson;
}

/** The test cases of a fail2ban log in file order. */
export function readFail2banCases(name: string): Fail2banCase[] {
  const lines = readFileSync(resolve(`../shared/data/fail2ban/${name}`), 'utf8').split('\n');
  const cases: Fail2banCase[] = [];
  let pending: FailJson | null = null;
  lines.forEach((raw, index) => {
    const text = raw.replace(/\r$/, '');
    const json = /^#\s*failJSON:\s*(\{.*\})\s*$/.exec(text);
    if (json) {
      pending = JSON.parse(json[1]) as FailJson;
      return;
    }
    if (text.trim() === '' || text.startsWith('#')) return;
    if (pending) cases.push({ line: index + 1, text, expected: pending });
    pending = null;
  });
  return cases;
}

/** The address fail2ban expects, or null when it names a host name (or nothing). */
export function expectedAddress(expected: FailJson): string | null {
  const host = expected.host ?? expected.ip4 ?? expected.ip6 ?? null;
  if (host === null || isIP(host) === 0) return null;
  return host.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

/** Every case's events from one parser fed the cases in file order (rejects fail the test). */
export function eventsOfCases(parser: Parser, cases: Fail2banCase[], toLine: (entry: Fail2banCase) => string = (entry) => entry.text): LoginEventInput[][] {
  return cases.map((entry) => {
    const outcome = parser.parse(toLine(entry), entry.line);
    if (outcome.kind === 'reject') throw new Error(`line ${entry.line} rejected (${outcome.reason}): ${entry.text}`);
    return outcome.kind === 'events' ? outcome.events : [];
  });
}

/** True when the events hold an authentication failure attributable to the expected host. */
export function failsFor(events: LoginEventInput[], expected: FailJson): boolean {
  const address = expectedAddress(expected);
  return events.some((event) => event.outcome === 'failure' && (address === null ? true : event.ip === address));
}

/** Categories of match:true lines deliberately not counted as failures at that line, with the reason. */
export interface Exclusion {
  reason: string;
  applies: (entry: Fail2banCase, index: number) => boolean;
}

/** Recall over all match:true cases, and over those not excluded; the misses that are not excluded. */
export function recall(cases: Fail2banCase[], events: LoginEventInput[][], exclusions: Exclusion[]) {
  const positives = cases.map((entry, index) => ({ entry, index })).filter(({ entry }) => entry.expected.match);
  const found = positives.filter(({ entry, index }) => failsFor(events[index], entry.expected));
  const excluded = positives.filter(({ entry, index }) => exclusions.some((exclusion) => exclusion.applies(entry, index)));
  const considered = positives.filter((positive) => !excluded.includes(positive));
  const consideredFound = considered.filter(({ entry, index }) => failsFor(events[index], entry.expected));
  const perReason = Object.fromEntries(exclusions.map((exclusion) => [exclusion.reason, positives.filter(({ entry, index }) => exclusion.applies(entry, index)).length]));
  return {
    positives: positives.length,
    found: found.length,
    considered: considered.length,
    consideredFound: consideredFound.length,
    overall: found.length / positives.length,
    authentication: consideredFound.length / considered.length,
    perReason,
    misses: considered.filter((positive) => !consideredFound.includes(positive)).map(({ entry }) => entry.text),
  };
}
