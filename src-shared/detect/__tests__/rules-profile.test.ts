import { describe, expect, it } from 'vitest';
import { createAssessor, day, feed, finding, hour, login, minute, monday, settle } from './hand-built.js';

describe('impossible travel', () => {
  it('states distance, hours, speed and places when faster than an airliner', () => {
    const assessor = createAssessor();
    const last = settle(assessor, 'alice');
    const assessment = feed(assessor, login('alice', last + 0.8 * hour, true, 'chicago', 'laptop'));
    const travel = finding(assessment, 'impossible_travel');
    expect(travel?.reason).toMatch(/^6,5\d\d km in 0\.8 h = 8,\d{3} km\/h \(Oslo, NO → Chicago, US\)$/);
    expect(travel?.severity).toBeGreaterThan(0.5);
  });

  it('stays quiet when the journey was possible (8 h for 6,500 km)', () => {
    const assessor = createAssessor();
    const last = settle(assessor, 'alice');
    expect(finding(feed(assessor, login('alice', last + 8 * hour, true, 'chicago', 'laptop')), 'impossible_travel')).toBeUndefined();
  });

  it('keeps measuring from the last trusted place while the distant logins go on', () => {
    const assessor = createAssessor();
    const last = settle(assessor, 'alice');
    feed(assessor, login('alice', last + 30 * minute, true, 'chicago', 'phone'));
    // The second login from Chicago is still 6,500 km from where alice was 45 minutes earlier.
    expect(finding(feed(assessor, login('alice', last + 45 * minute, true, 'chicago', 'phone')), 'impossible_travel')?.reason).toMatch(/\(Oslo, NO → Chicago, US\)/);
  });
});

describe('novelty', () => {
  it('flags a new device on a new provider in a new country as nothing familiar', () => {
    const assessor = createAssessor();
    const last = settle(assessor, 'alice');
    const assessment = feed(assessor, login('alice', last + 30 * hour, true, 'chicago', 'phone'));
    expect(finding(assessment, 'unfamiliar_login')?.reason).toBe(
      'nothing familiar for alice: new device (Mobile Safari 26.2, iOS 18.6, mobile), new provider AS7922, new country US (15 earlier logins, mostly from NO)',
    );
    expect(finding(assessment, 'new_device')).toBeUndefined();
  });

  it('names a new device alone when the network is the usual one', () => {
    const assessor = createAssessor();
    const last = settle(assessor, 'alice');
    const assessment = feed(assessor, login('alice', last + 2 * hour, true, 'oslo', 'phone'));
    expect(finding(assessment, 'new_device')?.reason).toBe('new device for alice: Mobile Safari 26.2, iOS 18.6, mobile');
    expect(finding(assessment, 'unfamiliar_login')).toBeUndefined();
  });

  it('finds no new device in a login that names none, and says so when nothing else is familiar', () => {
    const assessor = createAssessor();
    const last = settle(assessor, 'alice');
    expect(finding(feed(assessor, login('alice', last + 2 * hour, true, 'oslo', 'unnamed')), 'new_device')).toBeUndefined();
    expect(finding(feed(assessor, login('alice', last + 30 * hour, true, 'chicago', 'unnamed')), 'unfamiliar_login')?.reason).toBe(
      'nothing familiar for alice: no device named, new provider AS7922, new country US (15 earlier logins, mostly from NO)',
    );
  });

  it('names a new country with the history it departs from', () => {
    const assessor = createAssessor();
    const last = settle(assessor, 'alice');
    const assessment = feed(assessor, login('alice', last + 30 * hour, true, 'frankfurt', 'laptop'));
    expect(finding(assessment, 'new_country')?.reason).toBe('first login of alice from DE (15 earlier logins, mostly from NO)');
    expect(finding(assessment, 'new_asn')?.reason).toBe('new provider for alice: AS24940 (used by 0 other users)');
  });

  it('does not judge novelty before the learning period has a few logins', () => {
    const assessor = createAssessor();
    const last = settle(assessor, 'alice', 2);
    const assessment = feed(assessor, login('alice', last + 30 * hour, true, 'chicago', 'phone'));
    expect(assessment.findings.filter((entry) => entry.rule !== 'impossible_travel')).toEqual([]);
  });

  it('does not let an attacker make his device familiar by coming back', () => {
    const assessor = createAssessor();
    const last = settle(assessor, 'alice');
    for (let visit = 1; visit <= 5; visit++) {
      expect(finding(feed(assessor, login('alice', last + visit * 20 * hour, true, 'chicago', 'phone')), 'unfamiliar_login')).toBeDefined();
    }
  });
});

describe('unusual hour', () => {
  it('flags a session starting in the night with the days behind it, and the rest of that session', () => {
    const assessor = createAssessor();
    const last = settle(assessor, 'alice');
    // 02:00 UTC = 03:00 in Oslo (solar offset +1); alice always starts around 09:00.
    const night = Math.floor(last / (24 * hour)) * 24 * hour + 24 * hour + 2 * hour;
    const start = feed(assessor, login('alice', night, true));
    expect(finding(start, 'unusual_hour')?.reason).toMatch(
      /^unusual hour for alice: session starts \w{3} 03:00 local \(UTC\+1\); a session started within an hour of it on 0 of their 15 active days and on \d+(\.\d)?% of all users' days$/,
    );
    const next = feed(assessor, login('alice', night + 10 * minute, true));
    expect(finding(next, 'unusual_hour')?.reason).toMatch(/session started \w{3} 03:00 local/);
  });

  it('stays quiet at the usual hour, and for a user with too few days to judge', () => {
    const assessor = createAssessor();
    const last = settle(assessor, 'alice');
    const morning = Math.floor(last / (24 * hour)) * 24 * hour + 24 * hour + 9 * hour;
    expect(finding(feed(assessor, login('alice', morning, true)), 'unusual_hour')).toBeUndefined();
    const fresh = createAssessor();
    const early = settle(fresh, 'bob', 4);
    const night = Math.floor(early / (24 * hour)) * 24 * hour + 24 * hour + 2 * hour;
    expect(finding(feed(fresh, login('bob', night, true)), 'unusual_hour')).toBeUndefined();
  });

  it('flags a session that started at a usual hour and is still logging in at one the user is never active at', () => {
    const assessor = createAssessor();
    // alice starts a session at 09:00 and at 22:00 local every day (08:00 and 21:00 UTC in Oslo).
    let last = monday;
    for (let index = 0; index < 15; index++) {
      feed(assessor, login('alice', monday + index * day + 8 * hour, true));
      last = monday + index * day + 21 * hour;
      feed(assessor, login('alice', last, true));
    }
    const evening = last + day;
    expect(finding(feed(assessor, login('alice', evening, true)), 'unusual_hour')).toBeUndefined();
    // Re-authentications 100 minutes apart keep one session going: 23:40 is still her evening.
    expect(finding(feed(assessor, login('alice', evening + 100 * minute, true)), 'unusual_hour')).toBeUndefined();
    const night = feed(assessor, login('alice', evening + 200 * minute, true));
    expect(finding(night, 'unusual_hour')?.reason).toMatch(
      /^unusual hour for alice: session started \w{3} 22:00 local \(UTC\+1\), still logging in \w{3} 01:20 local \(UTC\+1\); logged in within an hour of it on 0 of their 16 active days and on \d+(\.\d)?% of all users' days$/,
    );
    // The night does not make itself usual: the next login of it is judged on the earlier days alone.
    expect(finding(feed(assessor, login('alice', evening + 210 * minute, true)), 'unusual_hour')?.reason).toMatch(/on 0 of their 16 active days/);
  });
});
