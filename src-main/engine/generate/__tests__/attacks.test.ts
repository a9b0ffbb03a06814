import { beforeAll, describe, expect, it } from 'vitest';
import { isps } from '../isps.js';
import { coordinates, generateSample, rbaRows, speedKmh, type RbaRow } from './helpers.js';

// VPN exits sit in the provider's nearest city, not where the user is: not travel, so left out.
const relayAsns = new Set(isps.filter((isp) => isp.kind === 'vpn' || isp.kind === 'hosting').map((isp) => isp.asn));

function byUser(rows: RbaRow[]): Map<string, RbaRow[]> {
  const users = new Map<string, RbaRow[]>();
  for (const row of rows) {
    const list = users.get(row.user) ?? [];
    list.push(row);
    users.set(row.user, list);
  }
  return users;
}

describe('attack realism', () => {
  let rows: RbaRow[];
  beforeAll(async () => {
    // Two seeds, so properties hold beyond one lucky draw.
    const first = await generateSample({ users: 300, days: 30, seed: 1 });
    const second = await generateSample({ users: 300, days: 30, seed: 2 });
    rows = [...rbaRows(first), ...rbaRows(second).map((row) => ({ ...row, user: `2:${row.user}` }))];
  });

  it('puts impossible-travel logins more than 2,000 km/h from the victim\'s previous login', () => {
    const travel = rows.filter((row) => row.label === 'impossible_travel');
    expect(travel.length).toBeGreaterThan(4);
    for (const [, list] of byUser(rows)) {
      let previousNormal: RbaRow | null = null;
      for (const row of list) {
        if (row.label === 'impossible_travel') {
          expect(previousNormal, 'a home login precedes').not.toBeNull();
          expect(speedKmh(previousNormal as RbaRow, row)).toBeGreaterThan(2000);
        }
        if (row.label === 'normal') previousNormal = row;
      }
    }
  });

  it('keeps legitimate travel at plane speed or slower (≤ 1,000 km/h)', () => {
    let far = 0;
    for (const [, list] of byUser(rows)) {
      let previous: RbaRow | null = null;
      for (const row of list) {
        if (row.label !== 'normal' || relayAsns.has(row.asn) || !coordinates(row)) continue;
        if (previous) {
          expect(speedKmh(previous, row), `${previous.city} → ${row.city}`).toBeLessThanOrEqual(1000);
          if (previous.country !== row.country) far++;
        }
        previous = row;
      }
    }
    // The check means something only if users really travel.
    expect(far).toBeGreaterThan(10);
  });

  it('makes brute-force bursts of at least 20 failures within 10 minutes from one IP', () => {
    const bursts = new Map<string, RbaRow[]>();
    for (const row of rows.filter((candidate) => candidate.label === 'brute_force' || candidate.label === 'brute_force_takeover')) {
      const key = `${row.user}|${row.ip}`;
      bursts.set(key, [...(bursts.get(key) ?? []), row]);
    }
    expect(bursts.size).toBeGreaterThan(3);
    for (const burst of bursts.values()) {
      const failures = burst.filter((row) => !row.success);
      expect(failures.length).toBeGreaterThanOrEqual(20);
      expect(failures[19].time - failures[0].time).toBeLessThanOrEqual(10 * 60_000);
      for (const row of burst) expect(row.success).toBe(row.label === 'brute_force_takeover');
    }
    expect(rows.some((row) => row.label === 'brute_force_takeover')).toBe(true);
  });

  it('sprays many distinct accounts from one network', () => {
    const networks = new Map<string, Set<string>>();
    for (const row of rows.filter((candidate) => candidate.label === 'password_spray')) {
      const network = row.ip.slice(0, row.ip.lastIndexOf('.'));
      networks.set(network, (networks.get(network) ?? new Set()).add(row.user));
    }
    expect(networks.size).toBeGreaterThan(1);
    for (const users of networks.values()) expect(users.size).toBeGreaterThanOrEqual(30);
  });

  it('stuffs credentials from many networks with a low success rate', () => {
    const stuffing = rows.filter((row) => row.label === 'credential_stuffing');
    expect(new Set(stuffing.map((row) => row.ip)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(stuffing.map((row) => row.asn)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(stuffing.map((row) => row.country)).size).toBeGreaterThanOrEqual(5);
    const successes = stuffing.filter((row) => row.success).length;
    expect(successes / stuffing.length).toBeLessThan(0.1);
  });

  it('takes accounts over from a country, network and client the victim never used', () => {
    const takeovers = rows.filter((row) => row.label === 'account_takeover');
    expect(takeovers.length).toBeGreaterThan(2);
    for (const [, list] of byUser(rows)) {
      const seenCountries = new Set<string>();
      const seenAsns = new Set<number>();
      const seenAgents = new Set<string>();
      for (const row of list) {
        if (row.label === 'account_takeover' && seenCountries.size > 0) {
          expect(seenCountries.has(row.country)).toBe(false);
          expect(seenAsns.has(row.asn)).toBe(false);
          expect(seenAgents.has(row.userAgent)).toBe(false);
        }
        if (row.label === 'normal') {
          seenCountries.add(row.country);
          seenAsns.add(row.asn);
          seenAgents.add(row.userAgent);
        }
      }
    }
  });

  it('has insiders log in several times from their own client and network', () => {
    for (const [, list] of byUser(rows)) {
      const insider = list.filter((row) => row.label === 'insider_off_hours');
      if (insider.length === 0) continue;
      expect(insider.length).toBeGreaterThanOrEqual(3);
      const normal = list.filter((row) => row.label === 'normal');
      for (const row of insider) {
        expect(row.success).toBe(true);
        expect(normal.some((other) => other.userAgent.split(' ').slice(0, 6).join(' ') === row.userAgent.split(' ').slice(0, 6).join(' '))).toBe(true);
        expect(normal.some((other) => other.asn === row.asn)).toBe(true);
      }
    }
  });
});
