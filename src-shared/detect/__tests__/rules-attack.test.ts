import { describe, expect, it } from 'vitest';
import type { LoginAssessor } from '../assessor.js';
import { createAssessor, feed, finding, hour, login, minute, monday, settle } from './hand-built.js';

/** Let bob log in once from host 7 in Frankfurt, so that address is not one nobody ever used. */
function vouchFor(assessor: LoginAssessor, time: number): void {
  feed(assessor, login('bob', time, true, 'frankfurt', 'laptop', 7));
}

describe('brute force', () => {
  it('fires at ten failures from one address in ten minutes, naming the address and the count', () => {
    const assessor = createAssessor();
    const last = settle(assessor, 'alice');
    vouchFor(assessor, last + hour);
    const reasons: (string | undefined)[] = [];
    for (let attempt = 1; attempt <= 10; attempt++) {
      reasons.push(finding(feed(assessor, login('alice', last + 2 * hour + attempt * 20_000, false, 'frankfurt', 'tool', 7)), 'brute_force')?.reason);
    }
    expect(reasons.slice(0, 9)).toEqual(new Array(9).fill(undefined));
    expect(reasons[9]).toBe('10 failures from 65.21.120.7 in 10 min');
  });

  it('counts the start of a burst from an address nobody ever logged in from', () => {
    const assessor = createAssessor();
    const last = settle(assessor, 'alice');
    const reasons = [1, 2, 3].map((attempt) => finding(feed(assessor, login('alice', last + hour + attempt * 20_000, false, 'frankfurt', 'tool', 9)), 'brute_force')?.reason);
    expect(reasons).toEqual([undefined, undefined, '3 failures from 65.21.120.9 in 10 min, never a success from it']);
  });
});

describe('password spray', () => {
  it('fires at ten distinct users from one address, with the failure share', () => {
    const assessor = createAssessor();
    const last = settle(assessor, 'alice');
    vouchFor(assessor, last + hour);
    // bob's success is the first of the ten users; nine more fail.
    const reasons = Array.from({ length: 9 }, (_, index) => finding(feed(assessor, login(`user${index}`, last + 2 * hour + index * 5 * minute, false, 'frankfurt', 'tool', 7)), 'password_spray')?.reason);
    expect(reasons.slice(0, 8)).toEqual(new Array(8).fill(undefined));
    expect(reasons[8]).toBe('10 distinct users tried from 65.21.120.7 in 6 h, 90% of 10 attempts failed');
  });
});

describe('credential stuffing', () => {
  it('recognises a campaign from five failures on unknown names across three networks', () => {
    const assessor = createAssessor();
    const start = monday + 10 * hour;
    const sources = ['oslo', 'chicago', 'frankfurt', 'bergen'] as const;
    for (let index = 0; index < 4; index++) feed(assessor, login(`guess${index}`, start + index * minute, false, sources[index], 'tool', 50 + index));
    // Four failures so far: not yet a campaign.
    expect(finding(feed(assessor, login('guess4', start + 5 * minute, false, 'oslo', 'tool', 60)), 'credential_stuffing')).toBeUndefined();
    const next = feed(assessor, login('guess5', start + 6 * minute, false, 'chicago', 'tool', 61));
    expect(finding(next, 'credential_stuffing')?.reason).toBe('campaign under way: 5 failures for unknown names from 4 networks in 60 min; no one ever logged in from 73.0.45.61');
  });
});

describe('credential stuffing, not', () => {
  it('while a population is still arriving: new names failing once before their first login', () => {
    const assessor = createAssessor();
    const start = monday + 10 * hour;
    const sources = ['oslo', 'chicago', 'frankfurt', 'bergen'] as const;
    // Twenty people log in for the first time within the hour, seven of them after a typo.
    for (let index = 0; index < 20; index++) {
      const time = start + index * 2 * minute;
      if (index % 3 === 0) feed(assessor, login(`new${index}`, time - 10_000, false, sources[index % 4], 'laptop', 20 + index));
      feed(assessor, login(`new${index}`, time, true, sources[index % 4], 'laptop', 20 + index));
    }
    expect(finding(feed(assessor, login('new99', start + 45 * minute, false, 'chicago', 'laptop', 99)), 'credential_stuffing')).toBeUndefined();
  });

  it("for a user's typo on their own device and provider, while a campaign is under way", () => {
    const assessor = createAssessor();
    const last = settle(assessor, 'alice');
    const sources = ['oslo', 'chicago', 'frankfurt', 'bergen'] as const;
    for (let index = 0; index < 6; index++) feed(assessor, login(`guess${index}`, last + hour + index * minute, false, sources[index % 4], 'tool', 50 + index));
    // A new address on her own provider and laptop (her home router renewed its lease).
    expect(finding(feed(assessor, login('alice', last + hour + 7 * minute, false, 'oslo', 'laptop', 99)), 'credential_stuffing')).toBeUndefined();
    expect(finding(feed(assessor, login('alice', last + hour + 8 * minute, false, 'chicago', 'tool', 98)), 'credential_stuffing')?.reason).toBe(
      'campaign under way: 6 failures for unknown names from 4 networks in 60 min; no one ever logged in from 73.0.45.98',
    );
  });
});

describe('failed guesses', () => {
  it('names a failure on a name that never logged in once the population is settled', () => {
    const assessor = createAssessor();
    let time = monday;
    for (let round = 0; round < 600; round++) {
      for (const user of ['ann', 'ben', 'cat', 'dan', 'eve']) feed(assessor, login(user, (time += minute), true));
    }
    expect(finding(feed(assessor, login('mallory', time + minute, false, 'frankfurt', 'tool', 3)), 'unknown_user')?.reason).toBe(
      'failed login for mallory, a name that never logged in successfully (1 attempt, no success)',
    );
    expect(finding(feed(assessor, login('ann', time + 2 * minute, false)), 'unknown_user')).toBeUndefined();
  });

  it('names a failure from a country, provider and device the user never used', () => {
    const assessor = createAssessor();
    const last = settle(assessor, 'alice');
    const assessment = feed(assessor, login('alice', last + hour, false, 'frankfurt', 'tool', 4));
    expect(finding(assessment, 'unfamiliar_failure')?.reason).toBe(
      'failed login for alice from 65.21.120.4: new country DE, AS24940, device for the user, and no one ever logged in from it (0 earlier attempts)',
    );
    expect(finding(feed(assessor, login('alice', last + 2 * hour, false)), 'unfamiliar_failure')).toBeUndefined();
  });

  it('names no new device for a failure that names none', () => {
    const assessor = createAssessor();
    const last = settle(assessor, 'alice');
    expect(finding(feed(assessor, login('alice', last + hour, false, 'frankfurt', 'unnamed', 4)), 'unfamiliar_failure')?.reason).toBe(
      'failed login for alice from 65.21.120.4: new country DE, AS24940 for the user, and no one ever logged in from it (0 earlier attempts)',
    );
  });
});

describe('success after failures', () => {
  it('fires after five failures of the user in ten minutes, and not after four', () => {
    const run = (failures: number): string | undefined => {
      const assessor = createAssessor();
      const last = settle(assessor, 'alice');
      for (let attempt = 1; attempt <= failures; attempt++) feed(assessor, login('alice', last + hour + attempt * 30_000, false));
      return finding(feed(assessor, login('alice', last + hour + 4 * minute, true)), 'success_after_failures')?.reason;
    };
    expect(run(5)).toBe('success after 5 failures for alice in 10 min');
    expect(run(4)).toBeUndefined();
  });

  it('says what was new about where the success came from, and claims no device when none is named', () => {
    const run = (place: 'oslo' | 'frankfurt', device: 'phone' | 'unnamed'): string | undefined => {
      const assessor = createAssessor();
      const last = settle(assessor, 'alice');
      for (let attempt = 1; attempt <= 5; attempt++) feed(assessor, login('alice', last + hour + attempt * 30_000, false, place, device));
      return finding(feed(assessor, login('alice', last + hour + 4 * minute, true, place, device)), 'success_after_failures')?.reason;
    };
    expect(run('oslo', 'phone')).toBe('success after 5 failures for alice in 10 min, on a device the user never used');
    expect(run('frankfurt', 'unnamed')).toBe('success after 5 failures for alice in 10 min, on a provider the user never used');
    expect(run('oslo', 'unnamed')).toBe('success after 5 failures for alice in 10 min, with no device named');
  });
});
