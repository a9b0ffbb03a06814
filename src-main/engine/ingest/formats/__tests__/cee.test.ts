import { describe, expect, it } from 'vitest';
import type { ParseOptions, ParseOutcome } from '../../parser.js';
import { createParser } from '../index.js';

const utc: ParseOptions = { timeZone: 'UTC', year: 2026, mapping: {} };

function parse(lines: string[], options = utc): ParseOutcome[] {
  const parser = createParser('syslog', options);
  return lines.map((line, index) => parser.parse(line, index + 1));
}

const agent = 'Mozilla/5.0 (X11; Linux x86_64; rv:147.0) Gecko/20100101 Firefox/147.0';

describe('CEE messages in syslog', () => {
  it('reads user, address, outcome, user agent and place from the JSON after the cookie', () => {
    const json = JSON.stringify({ time: '2026-11-22T03:12:09.250Z', user: 'kari.berg', ip: '84.208.1.2', outcome: 'failure', country: 'NO', region: 'Oslo', city: 'Oslo', asn: 2119, user_agent: agent });
    const [outcome] = parse([`<86>1 2026-11-22T03:12:10.000Z sso01 portal 7 - - @cee: ${json}`]);
    expect(outcome).toEqual({
      kind: 'events',
      events: [
        {
          time: Date.UTC(2026, 10, 22, 3, 12, 9, 250),
          user: 'kari.berg',
          outcome: 'failure',
          ip: '84.208.1.2',
          country: 'NO',
          region: 'Oslo',
          city: 'Oslo',
          latitude: null,
          longitude: null,
          asn: 2119,
          userAgent: agent,
          authMethod: null,
          service: 'portal',
          host: 'sso01',
          roundTripMs: null,
          label: null,
        },
      ],
    });
  });

  it('takes time, host and service from the syslog header when the JSON lacks them (RFC 5424 and RFC 3164)', () => {
    const outcomes = parse([
      '<86>1 2026-11-22T03:12:10.500+01:00 sso01 portal - - [meta x="1"] @cee:{"user":"ole","outcome":true,"ip":"::ffff:81.166.3.4"}',
      '<38>Nov 22 04:00:00 gw webauth[9]: @cee: {"username":"anna","result":"denied","host":"idp02","app":"vpn"}',
    ]);
    expect(outcomes.map((outcome) => (outcome.kind === 'events' ? outcome.events[0] : outcome))).toMatchObject([
      { time: Date.UTC(2026, 10, 22, 2, 12, 10, 500), user: 'ole', outcome: 'success', ip: '81.166.3.4', host: 'sso01', service: 'portal' },
      { time: Date.UTC(2026, 10, 22, 4), user: 'anna', outcome: 'failure', host: 'idp02', service: 'vpn' },
    ]);
  });

  it('rejects malformed JSON, a non-object and a message without user or outcome, each with its reason', () => {
    const outcomes = parse([
      '<86>1 2026-11-22T03:12:10Z sso01 portal - - - @cee: {"user":"ole","outcome":"success"',
      '<86>1 2026-11-22T03:12:10Z sso01 portal - - - @cee: ["ole","success"]',
      '<86>1 2026-11-22T03:12:10Z sso01 portal - - - @cee: {"outcome":"success","ip":"192.0.2.1"}',
      '<86>1 2026-11-22T03:12:10Z sso01 portal - - - @cee: {"user":"ole","outcome":"maybe"}',
      '<86>1 2026-11-22T03:12:10Z sso01 portal - - - @cee: {"user":"ole","outcome":"success","time":"yesterday"}',
    ]);
    expect(outcomes).toEqual([
      { kind: 'reject', reason: 'malformed JSON after the @cee: cookie' },
      { kind: 'reject', reason: 'CEE: a JSON line must be an object, not an array' },
      { kind: 'reject', reason: "CEE message without user (keys 'outcome, ip')" },
      { kind: 'reject', reason: "CEE: unknown outcome 'maybe'" },
      { kind: 'reject', reason: "CEE: unparseable time 'yesterday'" },
    ]);
  });

  it('leaves other messages to the sshd matcher, even when they mention the cookie', () => {
    const outcomes = parse([
      '<86>1 2026-11-22T03:12:10Z bastion sshd 42 - - Failed password for invalid user admin from 198.51.100.4 port 4242 ssh2',
      '<86>1 2026-11-22T03:12:11Z bastion sshd 42 - - Accepted password for ole from 198.51.100.5 port 4243 ssh2',
      '<30>1 2026-11-22T03:12:12Z bastion cron 1 - - note: @cee: is a cookie',
    ]);
    expect(outcomes.map((outcome) => (outcome.kind === 'events' ? `${outcome.events[0].outcome} ${outcome.events[0].user}@${outcome.events[0].ip}` : outcome.kind))).toEqual([
      'failure admin@198.51.100.4',
      'success ole@198.51.100.5',
      'ignored',
    ]);
  });
});
