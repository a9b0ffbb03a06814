import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random.js';
import { FreemanModel, freemanFeatures, type FreemanLogin } from '../freeman.js';
import { restoreFreemanModel, saveFreemanModel, type FreemanJson } from '../freeman-json.js';
import { UserCounts } from '../freeman-user-counts.js';

const norway: FreemanLogin = { ip: '81.167.144.58', network: '81.167.144.0/24', asn: 2119, country: 'NO', browser: 'Chrome', os: 'Windows', deviceType: 'desktop' };
const abroad: FreemanLogin = { ip: '203.0.113.9', network: '203.0.113.0/24', asn: 64500, country: 'US', browser: 'Firefox', os: 'Linux', deviceType: 'desktop' };

/** alice: 10 logins from NO; bob: 10 from US (country only). */
function twoUsers(attacker: 'global' | 'uniform' = 'global'): FreemanModel {
  const model = new FreemanModel({ attacker });
  for (let i = 0; i < 10; i++) {
    model.observe('alice', { country: 'NO' });
    model.observe('bob', { country: 'US' });
  }
  return model;
}

describe('FreemanModel', () => {
  it('scores the hand-computed values (α = 1, attacker = global)', () => {
    const model = twoUsers();
    // n = 20 logins, V = 2 countries: p(NO) = p(US) = (10 + 1) / (20 + 2 + 1) = 11/23.
    expect(model.globalProbability(3, model.valueIds[3].get('NO'))).toBeCloseTo(11 / 23, 15);
    // p(NO | alice) = (10 + 11/23) / 11 → log(p(NO) / p(NO | alice)) = −0.6890...
    const home = model.score('alice', { country: 'NO' });
    expect(home.total).toBeCloseTo(Math.log(11 / 23 / ((10 + 11 / 23) / 11)), 12);
    expect(home.total).toBeCloseTo(-0.689, 3);
    // p(US | alice) = (0 + 11/23) / 11 → log 11.
    expect(model.score('alice', { country: 'US' }).total).toBeCloseTo(Math.log(11), 12);
    // Never seen anywhere: p = 1/23 and p(KP | alice) = (1/23)/11 → log 11 too, and finite.
    expect(model.score('alice', { country: 'KP' }).total).toBeCloseTo(Math.log(11), 12);
    // A user never seen has nothing to compare with.
    expect(model.score('carol', { country: 'US' }).total).toBe(0);
  });

  it('with a uniform attacker, globally rare values cost more', () => {
    const model = twoUsers('uniform');
    // p(x | attack) = 1/(V + 1) = 1/3.
    expect(model.score('alice', { country: 'US' }).total).toBeCloseTo(Math.log(23 / 3), 12);
    expect(model.score('alice', { country: 'KP' }).total).toBeCloseTo(Math.log(253 / 3), 12);
  });

  it('scores a user always from NO low from NO and high from the US, with terms summing to the total', () => {
    const model = new FreemanModel();
    for (let i = 0; i < 30; i++) model.observe('alice', norway);
    for (let i = 0; i < 30; i++) model.observe(`user${i}`, i % 2 ? norway : abroad);
    const home = model.score('alice', norway);
    const away = model.score('alice', abroad);
    expect(home.total).toBeLessThan(0);
    expect(away.total).toBeGreaterThan(15);
    for (const score of [home, away]) {
      expect(Object.keys(score.perFeature)).toEqual([...freemanFeatures]);
      const sum = Object.values(score.perFeature).reduce((total, term) => total + term, 0);
      expect(sum).toBeCloseTo(score.total, 12);
      expect(Object.values(score.perFeature).every(Number.isFinite)).toBe(true);
    }
    // Only the country differs: only its term moves.
    const moved = model.score('alice', { ...norway, country: 'SE' });
    expect(moved.perFeature.ip).toBe(home.perFeature.ip);
    expect(moved.perFeature.country).toBeGreaterThan(3);
  });

  it('ignores absent values when scoring and learning', () => {
    const model = twoUsers();
    expect(model.score('alice', { country: null, browser: '' }).total).toBe(0);
    model.observe('alice', { country: null, os: undefined });
    expect(model.featureTotals).toEqual([0, 0, 0, 20, 0, 0, 0]);
  });
});

describe('UserCounts', () => {
  it('keeps exact counts when a user outgrows the flat array', () => {
    const counts = new UserCounts(2);
    for (let id = 0; id < 100; id++) for (let k = 0; k <= id % 3; k++) counts.add(id % 2, id);
    expect(counts.count(5)).toBe(3);
    expect(counts.count(99)).toBe(1);
    expect(counts.count(1000)).toBe(0);
    expect(counts.total(0) + counts.total(1)).toBe(199);
    const copy = UserCounts.fromArray(2, counts.toArray());
    for (let id = 0; id < 100; id++) expect(copy.count(id)).toBe(counts.count(id));
  });
});

describe('Freeman JSON', () => {
  it('round-trips exactly, big users included', () => {
    const random = createRandom(12);
    const model = new FreemanModel({ smoothing: 2.5 });
    const countries = ['NO', 'SE', 'US', 'DE', 'FR'];
    const logins: [string, FreemanLogin][] = [];
    for (let i = 0; i < 3000; i++) {
      const user = random.chance(0.2) ? 'service' : `user${random.integer(50)}`;
      logins.push([user, { ip: `10.0.${random.integer(4)}.${random.integer(60)}`, asn: random.integer(5), country: random.pick(countries) }]);
    }
    logins.forEach(([user, login]) => model.observe(user, login));
    const restored = restoreFreemanModel(JSON.parse(JSON.stringify(saveFreemanModel(model))) as FreemanJson);
    expect(saveFreemanModel(restored)).toEqual(saveFreemanModel(model));
    for (const [user, login] of logins.slice(0, 200)) expect(restored.score(user, login)).toEqual(model.score(user, login));
  });

  it('refuses other kinds and versions', () => {
    const json = saveFreemanModel(new FreemanModel());
    expect(() => restoreFreemanModel({ ...json, kind: 'other' } as unknown as FreemanJson)).toThrow(/Not a Freeman model/);
    expect(() => restoreFreemanModel({ ...json, version: 3 } as unknown as FreemanJson)).toThrow(/version 3/);
  });
});

describe('FreemanModel value ids handed from scoring to learning', () => {
  it('learns a login the same with the ids its scoring found as by looking its values up', () => {
    const logins: [string, FreemanLogin][] = [
      ['alice', norway],
      ['alice', { ...norway, ip: '81.167.144.59' }],
      ['bob', abroad],
      ['alice', { ...abroad, browser: null }],
      ['bob', { ...norway, asn: null, country: '' }],
      ['bob', abroad],
    ];
    const plain = new FreemanModel();
    const handed = new FreemanModel();
    const terms = new Float64Array(freemanFeatures.length);
    const ids = new Int32Array(freemanFeatures.length);
    for (const [user, login] of logins) {
      const total = handed.scoreTerms(user, login, terms, ids);
      expect(total).toBe(plain.scoreTerms(user, login, terms));
      handed.observe(user, login, ids);
      plain.observe(user, login);
    }
    expect(saveFreemanModel(handed)).toEqual(saveFreemanModel(plain));
  });
});
