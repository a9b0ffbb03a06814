import { describe, expect, it } from 'vitest';
import type { ParseOptions, ParseOutcome } from '../../parser.js';
import { guessMapping } from '../column-mapping.js';
import { createCsvParser } from '../csv.js';
import { createJsonLinesParser } from '../jsonl.js';

const options: ParseOptions = { timeZone: 'Europe/Oslo', year: 2026, mapping: {} };

function reasonOf(outcome: ParseOutcome): string {
  return outcome.kind === 'reject' ? outcome.reason : `not rejected: ${outcome.kind}`;
}

function eventsOf(outcome: ParseOutcome) {
  if (outcome.kind !== 'events') throw new Error(`expected events, got ${JSON.stringify(outcome)}`);
  return outcome.events;
}

describe('guessMapping', () => {
  it('finds fields by synonyms in any case and spelling', () => {
    expect(guessMapping(['@timestamp', 'UserName', 'Result', 'src_ip', 'Country', 'State', 'City', 'Lat', 'Lng', 'ASN', 'User-Agent', 'method', 'app', 'hostname', 'rtt', 'label'])).toEqual({
      time: '@timestamp',
      user: 'UserName',
      outcome: 'Result',
      ip: 'src_ip',
      country: 'Country',
      region: 'State',
      city: 'City',
      latitude: 'Lat',
      longitude: 'Lng',
      asn: 'ASN',
      userAgent: 'User-Agent',
      authMethod: 'method',
      service: 'app',
      host: 'hostname',
      roundTripMs: 'rtt',
      label: 'label',
    });
  });

  it('reads the RBA header and Entra-style nested keys', () => {
    expect(guessMapping(['index', 'Login Timestamp', 'User ID', 'Round-Trip Time [ms]', 'IP Address', 'Login Successful'])).toMatchObject({
      time: 'Login Timestamp',
      user: 'User ID',
      roundTripMs: 'Round-Trip Time [ms]',
      ip: 'IP Address',
      outcome: 'Login Successful',
    });
    expect(guessMapping(['createdDateTime', 'userPrincipalName', 'ipAddress', 'status', 'location.city', 'location.state', 'location.countryOrRegion'])).toEqual({
      time: 'createdDateTime',
      user: 'userPrincipalName',
      ip: 'ipAddress',
      outcome: 'status',
      city: 'location.city',
      region: 'location.state',
      country: 'location.countryOrRegion',
    });
  });

  it('gives each column to one field only', () => {
    expect(guessMapping(['time', 'user'])).toEqual({ time: 'time', user: 'user' });
  });
});

describe('generic CSV', () => {
  it('maps a header and reads times, outcomes and optional columns', () => {
    const parser = createCsvParser(options);
    parser.header?.('timestamp;username;status;ip;ua');
    const [event] = eventsOf(parser.parse('2026-03-01 10:00:00;alice;FAILED;::ffff:192.0.2.7;"Mozilla; x"', 2));
    expect(event).toMatchObject({ time: Date.parse('2026-03-01T09:00:00Z'), user: 'alice', outcome: 'failure', ip: '192.0.2.7', userAgent: 'Mozilla; x', country: null });
    expect(eventsOf(parser.parse('1772359200;bob;ok;2001:DB8::1;', 3))[0]).toMatchObject({ time: 1_772_359_200_000, outcome: 'success', ip: '2001:db8::1', userAgent: null });
    expect(eventsOf(parser.parse('2026-03-01T10:00:00Z;carol;Accepted;not-an-ip;', 4))[0]).toMatchObject({ time: Date.parse('2026-03-01T10:00:00Z'), ip: null });
    expect(parser.assumptions()).toEqual(['CSV delimiter semicolon', 'column mapping time=timestamp, user=username, outcome=status, ip=ip, userAgent=ua']);
  });

  it('lets the user override the guess', () => {
    const parser = createCsvParser({ ...options, mapping: { user: 'actor_email', outcome: 'ok?' } });
    parser.header?.('when,actor_email,username,ok?');
    expect(eventsOf(parser.parse('1772359200000,a@example.com,ignored,1', 2))[0]).toMatchObject({ user: 'a@example.com', outcome: 'success', time: 1_772_359_200_000 });
  });

  it('refuses a header without time, user or outcome, or with an unknown mapped column', () => {
    expect(() => createCsvParser(options).header?.('a,b,c')).toThrow(/no column for time, user, outcome/);
    expect(() => createCsvParser({ ...options, mapping: { user: 'nobody' } }).header?.('time,user,outcome')).toThrow(/'nobody'/);
  });

  it('rejects bad rows with a clear reason', () => {
    const parser = createCsvParser(options);
    parser.header?.('time,user,outcome');
    expect(reasonOf(parser.parse('2026-03-01 10:00:00,"alice,ok', 2))).toBe('unterminated quoted field');
    expect(reasonOf(parser.parse('2026-03-01 10:00:00,alice', 3))).toBe('expected 3 columns, found 2');
    expect(reasonOf(parser.parse('2020-13-45 99:00,alice,ok', 4))).toBe("unparseable time '2020-13-45 99:00'");
    expect(reasonOf(parser.parse('2026-03-01 10:00:00,alice,maybe', 5))).toBe("unknown outcome 'maybe'");
    expect(reasonOf(parser.parse('2026-03-01 10:00:00,,ok', 6))).toBe('missing user');
    expect(reasonOf(parser.parse(',alice,ok', 7))).toBe('missing time');
  });

  it('reads every outcome spelling', () => {
    const parser = createCsvParser(options);
    parser.header?.('time,user,outcome');
    const outcomeOf = (value: string) => eventsOf(parser.parse(`2026-03-01 10:00:00,u,${value}`, 2))[0].outcome;
    for (const value of ['true', 'TRUE', '1', 'success', 'Succeeded', 'ok', 'accepted']) expect(outcomeOf(value)).toBe('success');
    for (const value of ['false', '0', 'failure', 'failed', 'fail', 'denied', 'Rejected']) expect(outcomeOf(value)).toBe('failure');
  });
});

describe('JSON lines', () => {
  it('guesses a mapping with nested keys and reads values of any JSON type', () => {
    const parser = createJsonLinesParser(options);
    const line = JSON.stringify({ createdDateTime: '2026-03-01T10:00:00Z', userPrincipalName: 'alice@example.com', success: false, ipAddress: '192.0.2.1', location: { city: 'Oslo', geo: { lat: 59.9, lon: 10.7 } }, asn: 'AS2119' });
    expect(eventsOf(parser.parse(line, 1))[0]).toMatchObject({ time: Date.parse('2026-03-01T10:00:00Z'), user: 'alice@example.com', outcome: 'failure', ip: '192.0.2.1', city: 'Oslo', latitude: 59.9, longitude: 10.7, asn: 2119 });
    expect(parser.assumptions()[0]).toContain('city=location.city');
  });

  it('follows a dotted mapping given by the user', () => {
    const parser = createJsonLinesParser({ ...options, mapping: { outcome: 'result.type', user: 'actor.id' } });
    const line = JSON.stringify({ time: 1_772_359_200, actor: { id: 'u1' }, result: { type: 'SUCCESS' } });
    expect(eventsOf(parser.parse(line, 1))[0]).toMatchObject({ user: 'u1', outcome: 'success', time: 1_772_359_200_000 });
  });

  it('rejects arrays, non-JSON and objects without the required keys', () => {
    const parser = createJsonLinesParser(options);
    expect(reasonOf(parser.parse('[1,2]', 1))).toBe('a JSON line must be an object, not an array');
    expect(reasonOf(parser.parse('{"time": ', 2))).toBe('not JSON');
    expect(reasonOf(parser.parse('"text"', 3))).toBe('a JSON line must be an object');
    expect(reasonOf(parser.parse('{"foo": 1}', 4))).toBe("no key for time, user, outcome (keys 'foo')");
    expect(reasonOf(parser.parse('{"time": "2026-03-01T10:00:00Z", "user": "a", "outcome": "perhaps"}', 5))).toBe("unknown outcome 'perhaps'");
  });
});
