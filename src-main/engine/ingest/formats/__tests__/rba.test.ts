import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoginEventInput } from '../../../../../src-shared/event.js';
import type { ParseOutcome } from '../../parser.js';
import { createRbaParser } from '../rba.js';

const lines = readFileSync(resolve('../shared/data/rba/rba-dataset-head.csv'), 'utf8').split('\n').filter((line) => line !== '');

function eventOf(outcome: ParseOutcome): LoginEventInput {
  if (outcome.kind !== 'events') throw new Error(`expected events, got ${JSON.stringify(outcome)}`);
  expect(outcome.events).toHaveLength(1);
  return outcome.events[0];
}

function parseAll(): LoginEventInput[] {
  const parser = createRbaParser();
  parser.header?.(lines[0]);
  return lines.slice(1).map((line, index) => eventOf(parser.parse(line, index + 2)));
}

describe('RBA dataset parser', () => {
  it('reads all 19 rows of the real head file', () => {
    const events = parseAll();
    expect(events).toHaveLength(19);
    expect(events[0]).toEqual({
      time: Date.parse('2020-02-03T12:43:30.772Z'),
      user: '-4324475583306591935',
      outcome: 'failure',
      ip: '10.0.65.171',
      country: 'NO',
      region: null,
      city: null,
      latitude: null,
      longitude: null,
      asn: 29695,
      userAgent: 'Mozilla/5.0  (iPhone; CPU iPhone OS 13_4 like Mac OS X) Gecko/20150101 Firefox/20.0.0.1618 (Chrome variation/248113',
      authMethod: 'password',
      service: 'web',
      host: null,
      roundTripMs: null,
      label: 'normal',
      browser: 'Firefox 20.0.0.1618',
      os: 'iOS 13.4',
      deviceType: 'mobile',
    });
  });

  it('reads quoted user agents with commas, named places, RTT and success', () => {
    const events = parseAll();
    expect(events[1].userAgent).toBe('Mozilla/5.0  (Linux; Android 4.1; Galaxy Nexus Build/JRN84D) AppleWebKit/537.36 (KHTML, like Gecko Chrome/46.0.2490.76 Mobile Safari/537.36 Browser');
    expect(events[2]).toMatchObject({ outcome: 'success', region: 'Vestland', city: 'Urangsvag', ip: '81.167.144.58', time: Date.parse('2020-02-03T12:43:55.873Z') });
    expect(events[14]).toMatchObject({ region: 'Troms og Finnmark', city: 'Bjornevatn' });
    expect(events[15]).toMatchObject({ roundTripMs: 1123, outcome: 'success', city: 'Oslo', asn: 29492 });
    expect(events[17]).toMatchObject({ country: 'ID', region: 'East Java', city: 'Surabaya', asn: 38778 });
  });

  it('labels every row from Is Attack IP / Is Account Takeover', () => {
    const labels = parseAll().map((event) => event.label);
    const expected = lines.slice(1).map((line) => {
      const [attackIp, takeover] = line.split(',').slice(-2);
      return takeover === 'True' ? 'account_takeover' : attackIp === 'True' ? 'attack_ip' : 'normal';
    });
    expect(labels).toEqual(expected);
    expect(labels.filter((label) => label === 'attack_ip')).toHaveLength(2);
    expect(labels[4]).toBe('attack_ip');
    expect(labels[5]).toBe('attack_ip');
  });

  it('unescapes doubled quotes inside a quoted user agent and labels a takeover', () => {
    const parser = createRbaParser();
    const row = '7,2020-02-03 12:44:12.799,42,,170.39.78.177,US,-,-,393398,"Mozilla/5.0 (X11) ""quoted"" build, v2",Chrome 81,Android 10,mobile,True,True,True';
    expect(eventOf(parser.parse(row, 2))).toMatchObject({ userAgent: 'Mozilla/5.0 (X11) "quoted" build, v2', label: 'account_takeover', outcome: 'success' });
  });

  it('rejects broken rows with a short reason', () => {
    const parser = createRbaParser();
    const good = lines[3];
    const reasonOf = (line: string): string => {
      const outcome = parser.parse(line, 2);
      return outcome.kind === 'reject' ? outcome.reason : 'not rejected';
    };
    expect(reasonOf('2,2020-02-03 12:00:00.000,7,,1.2.3.4,NO,-,-,1,"Mozilla unterminated,Chrome,Windows,desktop,True,False,False')).toBe('unterminated quoted field');
    expect(reasonOf('3,2020-02-03 12:00:01.000,7,,1.2.3.4')).toBe('expected 16 columns, found 5');
    expect(reasonOf(good.replace('2020-02-03 12:43:55.873', '2020-13-45 99:00:00'))).toBe("unparseable time '2020-13-45 99:00:00'");
    expect(reasonOf(good.replace('mobile,True', 'mobile,Maybe'))).toBe("unknown outcome 'Maybe'");
    expect(reasonOf(good.replace(',-3284137479262433373,', ',,'))).toBe('missing user');
  });

  it('refuses a file whose header is not the RBA header', () => {
    expect(() => createRbaParser().header?.('time,user,outcome')).toThrow(/RBA dataset header/);
    expect(() => createRbaParser().header?.(`\uFEFF${lines[0]}`)).not.toThrow();
  });
});
