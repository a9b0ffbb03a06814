/**
 * The auth-message matcher against fail2ban's filter test logs. fail2ban asks "is this line a failure
 * attributable to this host?"; Vigil counts authentication attempts, once each. Where the two differ on
 * purpose, the category is listed below with the reason; the recall over the rest must stay at 100 %.
 */
import { describe, expect, it } from 'vitest';
import { createAuditReader, isAuditLine } from '../audit-records.js';
import { createParser } from '../index.js';
import { parsePrioritySyslog } from '../rfc5424.js';
import { createSyslogClock, parseClassicSyslog } from '../syslog-header.js';
import { wallClockToUtc } from '../time.js';
import { eventsOfCases, expectedAddress, readFail2banCases, recall, type Exclusion, type Fail2banCase } from './fail2ban-cases.js';

const zone = 'Europe/Zurich';
const options = { timeZone: zone, year: 2005, mapping: {} };

const connectionLevel: Exclusion = {
  reason: 'no user name or credential offered: scanners, key exchange and protocol errors, timeouts, resets, tcp_wrappers',
  applies: (entry) =>
    /Did not receive identification|Bad protocol version|Unable to negotiate|no matching|kex_exchange_identification|banner exchange|ssh_dispatch_run_fatal|Timeout before authentication|Read from socket failed|refused connect|: (?:Connection (?:closed|reset) by|Disconnected from) [\d.:a-f]+(?: port \d+)?(?: \[preauth\])?$/.test(entry.text),
};
const declaration: Exclusion = {
  reason: 'names the user of a connection: counts once at the connection end when no attempt of it was counted',
  applies: (entry) => /Invalid user|not allowed because|ROOT LOGIN REFUSED|Failed (?:none|unknown) for/.test(entry.text),
};
const hostName: Exclusion = {
  reason: 'the client is a host name or no valid address: the event has ip null (the name stays in the raw line)',
  applies: (entry) => expectedAddress(entry.expected) === null && (entry.expected.host ?? '') !== '',
};
const pamAggregate: Exclusion = {
  reason: "fail2ban adds up earlier pam_unix(sshd:auth) lines at a later line; sshd's own Failed/Accepted lines are counted instead",
  applies: (entry) => /pam_unix\(sshd:auth\)|Accepted password/.test(entry.text),
};

const closer = /Received disconnect|Connection (?:closed|reset) by|Disconnect(?:ed|ing)/;

/** A later line of a process whose connection already ended in this file (fail2ban reuses pids across unrelated cases). */
function reusedPid(cases: Fail2banCase[], events: { outcome: string }[][]): Exclusion {
  const processOf = (text: string): string | null => /^(?:\S+ +\d+ [\d:]+ )?(?:\S+ )?(\S+\[\d+\]):/.exec(text)?.[1] ?? null;
  return {
    reason: 'a second end of a connection that already ended: fail2ban reuses a pid for unrelated test lines',
    applies: (entry, index) => {
      const process = processOf(entry.text);
      return process !== null && closer.test(entry.text) && cases.slice(0, index).some((earlier, earlierIndex) => processOf(earlier.text) === process && events[earlierIndex].some((event) => event.outcome === 'failure'));
    },
  };
}

/** The time of a line as read by the header parser, with the year of the case. */
function headerTime(text: string, year: number): number {
  if (isAuditLine(text)) return createAuditReader()(text)?.time ?? Number.NaN;
  const clock = createSyslogClock(year, zone);
  const record = text.startsWith('<') ? parsePrioritySyslog(text, clock, 1) : parseClassicSyslog(text, 0, clock, 1);
  return 'reason' in record ? Number.NaN : record.time;
}

function expectedTime(time: string): number {
  const [date, clock] = time.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, second] = clock.split(':').map(Number);
  return wallClockToUtc(zone, year, month, day, hour, minute, second, 0);
}

/** Times of the match:true cases (fail2ban checks only those; some match:false times are off by an hour). */
function checkTimes(cases: Fail2banCase[]): number {
  let checked = 0;
  for (const entry of cases) {
    if (!entry.expected.time || !entry.expected.match) continue;
    const expected = expectedTime(entry.expected.time);
    // fail2ban reads a TAI64N label as Unix seconds; libtai (and multilog) put 10 s between the two.
    const offset = entry.text.startsWith('@4000') ? -10_000 : 0;
    expect({ line: entry.line, time: Math.floor(headerTime(entry.text, Number(entry.expected.time.slice(0, 4))) / 1000) * 1000 }).toEqual({ line: entry.line, time: expected + offset });
    checked++;
  }
  return checked;
}

/** match:false lines that still yield a failure: only the listed kinds, and only for the address the line names. */
function checkFalseAlarms(cases: Fail2banCase[], events: { outcome: string; ip: string | null }[][], allowed: RegExp[]): number {
  let alarms = 0;
  cases.forEach((entry, index) => {
    if (entry.expected.match) return;
    const failures = events[index].filter((event) => event.outcome === 'failure');
    if (failures.length === 0) return;
    alarms++;
    expect({ line: entry.text, allowed: allowed.some((pattern) => pattern.test(entry.text)) }).toEqual({ line: entry.text, allowed: true });
    for (const failure of failures) expect(failure.ip !== null && entry.text.includes(` ${failure.ip} `)).toBe(true);
  });
  return alarms;
}

describe('fail2ban sshd.log', () => {
  const cases = readFail2banCases('sshd.log');
  const events = eventsOfCases(createParser('authlog', options), cases);

  it('finds every authentication failure fail2ban expects, except the listed categories', () => {
    const result = recall(cases, events, [connectionLevel, declaration, hostName, pamAggregate, reusedPid(cases, events)]);
    expect(result.misses).toEqual([]);
    expect(result.authentication).toBe(1);
    expect({ positives: result.positives, found: result.found, considered: result.considered }).toEqual({ positives: 109, found: 59, considered: 51 });
    expect(result.perReason).toEqual({
      [connectionLevel.reason]: 32,
      [declaration.reason]: 16,
      [hostName.reason]: 5,
      [pamAggregate.reason]: 3,
      'a second end of a connection that already ended: fail2ban reuses a pid for unrelated test lines': 5,
    });
    expect(result.overall).toBeGreaterThan(0.49);
  });

  it('yields failures on match:false lines only for extra-mode disconnects, and for the address in the line', () => {
    expect(checkFalseAlarms(cases, events, [/Disconnected from authenticating user/])).toBe(1);
  });

  it('reads every expected time (Europe/Zurich wall clock, the year of the case)', () => {
    expect(checkTimes(cases)).toBe(cases.filter((entry) => entry.expected.match && entry.expected.time).length);
  });

  it('never attributes an injected address from a user name', () => {
    const injected = cases.findIndex((entry) => entry.text.includes('Failed password for invalid user test from 10.10.1.2 port 55555 ssh2 from 127.0.0.1'));
    expect(events[injected]).toEqual([expect.objectContaining({ user: 'test from 10.10.1.2 port 55555 ssh2', ip: '127.0.0.1' })]);
    const ruser = cases.findIndex((entry) => entry.text.includes('ssh1: ruser from 1.2.3.4'));
    expect(events[ruser][0].ip).toBe('127.0.0.1');
  });
});

describe('fail2ban sshd-journal.log (bare `host prog[pid]: msg` lines, fed as journal JSON entries)', () => {
  const cases = readFail2banCases('sshd-journal.log');
  const asJournal = (entry: Fail2banCase): string => {
    const match = /^(\S+) ([^[\s]+)\[(\d+)\]: (.*)$/.exec(entry.text);
    if (!match) throw new Error(`unexpected journal test line ${entry.text}`);
    return JSON.stringify({ __REALTIME_TIMESTAMP: String(1_700_000_000_000_000 + entry.line), _HOSTNAME: match[1], SYSLOG_IDENTIFIER: match[2], _PID: match[3], MESSAGE: match[4] });
  };
  const events = eventsOfCases(createParser('journal', options), cases, asJournal);

  it('finds the same failures as in the classic file', () => {
    const result = recall(cases, events, [connectionLevel, declaration, hostName, pamAggregate, reusedPid(cases, events)]);
    expect(result.misses).toEqual([]);
    expect(result.authentication).toBe(1);
    expect({ positives: result.positives, found: result.found, considered: result.considered }).toEqual({ positives: 89, found: 53, considered: 47 });
    // Here the extra-mode disconnect shares host and pid with the connection end before it: nothing is added.
    expect(checkFalseAlarms(cases, events, [/Disconnected from authenticating user/])).toBe(0);
  });

  it('reads the host, time and kernel-prefixed messages of journal entries', () => {
    const kernel = cases.findIndex((entry) => entry.text.includes('kernel: [  970.699397] Failed password for user admin'));
    expect(events[kernel]).toEqual([expect.objectContaining({ user: 'user admin', ip: '192.0.2.10', host: 'srv', time: 1_700_000_000_000 + Math.floor(cases[kernel].line / 1000) })]);
  });
});

describe('fail2ban dovecot.log', () => {
  const cases = readFail2banCases('dovecot.log');
  const events = eventsOfCases(createParser('authlog', options), cases);
  const notAttempts: Exclusion = {
    reason: 'no password was checked: plaintext auth refused, no auth attempts, TLS or SASL not finished (fail2ban aggressive mode)',
    applies: (entry) => /tried to use (?:disabled|disallowed)|no auth attempts|disconnected before auth was ready|didn't finish SASL auth|disconnected during TLS handshake/.test(entry.text),
  };

  it('counts IMAP/POP3 failures with user and address', () => {
    const result = recall(cases, events, [notAttempts]);
    expect(result.misses).toEqual([]);
    expect({ positives: result.positives, found: result.found, considered: result.considered }).toEqual({ positives: 56, found: 41, considered: 41 });
    expect(checkFalseAlarms(cases, events, [])).toBe(0);
    const summary = cases.findIndex((entry) => entry.text.includes('(auth failed, 2 attempts): user=<username.bob>'));
    expect(events[summary]).toHaveLength(2);
    expect(events[summary][0]).toMatchObject({ user: 'username.bob', ip: '49.176.98.87', service: 'imap', authMethod: 'plain' });
  });

  it('does not count an attempt twice when the auth process logged it before the login summary', () => {
    const single = cases.findIndex((entry) => entry.text.includes('sql: Password mismatch (given password'));
    const summary = cases.findIndex((entry) => entry.text.includes('(auth failed, 3 attempts in 16 secs) (auth_failed): user=<info@example.com>'));
    expect(events[single]).toHaveLength(1);
    expect(events[summary]).toHaveLength(2);
  });

  it('does not take an address injected into ruser', () => {
    const injected = cases.findIndex((entry) => entry.text.includes('ruser=rhost=1.2.3.4 rhost=192.0.43.10'));
    expect(events[injected]).toEqual([expect.objectContaining({ ip: '192.0.43.10', outcome: 'failure', service: 'dovecot' })]);
  });

  it('reads every expected time, TAI64N labels 10 s earlier than fail2ban reads them', () => {
    expect(checkTimes(cases)).toBe(cases.filter((entry) => entry.expected.match && entry.expected.time).length);
  });
});

describe('fail2ban selinux-ssh.log (audit records)', () => {
  const cases = readFail2banCases('selinux-ssh.log');
  const events = eventsOfCases(createParser('authlog', options), cases);

  it('counts USER_AUTH failures and nothing else', () => {
    const badIdent: Exclusion = { reason: 'PAM:bad_ident: the client left before naming a user', applies: (entry) => entry.text.includes('op=PAM:bad_ident') };
    const result = recall(cases, events, [badIdent]);
    expect(result.misses).toEqual([]);
    expect({ positives: result.positives, found: result.found }).toEqual({ positives: 5, found: 3 });
    expect(checkFalseAlarms(cases, events, [])).toBe(0);
    expect(events.flat().map((event) => [event.user, event.ip, event.authMethod, event.service])).toEqual([
      ['root', '194.228.20.113', 'publickey', 'sshd'],
      ['dan', '192.168.3.100', 'password', 'sshd'],
      ['root', '192.0.2.111', 'password', 'sshd'],
    ]);
  });

  it('reads the epoch time of every record', () => {
    expect(checkTimes(cases)).toBe(5);
  });
});
