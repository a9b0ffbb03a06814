import { LoginAssessor, type Assessment } from '../assessor.js';
import { defaultLearningSettings } from '../behaviour-state.js';
import type { DetectionLogin } from '../login.js';
import { defaultRuleSettings, type Finding, type RuleName } from '../rules.js';

/** Hand-built logins for rule tests: places, devices and a clock. */
export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;
/** Monday 2026-01-05 00:00 UTC. */
export const monday = Date.UTC(2026, 0, 5);

/** Where logins come from: a provider, a network and a city-precise place. */
export const places = {
  oslo: { asn: 2119, country: 'NO', region: 'Oslo', city: 'Oslo', latitude: 59.91, longitude: 10.75, prefix: '84.208.1' },
  bergen: { asn: 2119, country: 'NO', region: 'Vestland', city: 'Bergen', latitude: 60.39, longitude: 5.32, prefix: '84.208.2' },
  chicago: { asn: 7922, country: 'US', region: 'Illinois', city: 'Chicago', latitude: 41.88, longitude: -87.63, prefix: '73.0.45' },
  frankfurt: { asn: 24940, country: 'DE', region: 'Hesse', city: 'Frankfurt am Main', latitude: 50.11, longitude: 8.68, prefix: '65.21.120' },
} as const;

/** Clients: the user's own laptop, what an attacker brings, and none named (an SSH log). */
export const devices = {
  laptop: { browser: 'Firefox 147.0', os: 'Windows 10', deviceType: 'desktop' },
  phone: { browser: 'Mobile Safari 26.2', os: 'iOS 18.6', deviceType: 'mobile' },
  tool: { browser: 'curl 8.5.0', os: null, deviceType: 'bot' },
  unnamed: { browser: null, os: null, deviceType: null },
} as const;

let nextId = 1;

/** A login of `user` at `time` from host `host` of a place, on a device. */
export function login(user: string, time: number, success: boolean, place: keyof typeof places = 'oslo', device: keyof typeof devices = 'laptop', host = 10): DetectionLogin {
  const where = places[place];
  return {
    id: nextId++,
    time,
    user,
    success,
    ip: `${where.prefix}.${host}`,
    network: `${where.prefix}.0/24`,
    asn: where.asn,
    country: where.country,
    region: where.region,
    city: where.city,
    latitude: where.latitude,
    longitude: where.longitude,
    ...devices[device],
  };
}

/** An assessor without the statistical model, with the default settings. */
export function createAssessor(): LoginAssessor {
  return new LoginAssessor({ ...defaultLearningSettings, ...defaultRuleSettings }, null);
}

/** Assess then learn a login; the assessment. */
export function feed(assessor: LoginAssessor, entry: DetectionLogin): Assessment {
  const assessment = assessor.assess(entry);
  const kept = { ...assessment, findings: [...assessment.findings], features: Float64Array.from(assessment.features) };
  assessor.learn(entry, assessment);
  return kept;
}

/**
 * A settled user: a working day's session at 9:00 local (8:00 UTC in Oslo) on `days` weekdays from Oslo
 * on the laptop, from `monday` on.
 */
export function settle(assessor: LoginAssessor, user: string, days = 15, place: keyof typeof places = 'oslo'): number {
  let time = monday;
  for (let index = 0; index < days; index++) {
    time = monday + index * day + 8 * hour + index * minute;
    feed(assessor, login(user, time, true, place, 'laptop'));
  }
  return time;
}

/** The finding of a rule, if it fired. */
export function finding(assessment: Assessment, rule: RuleName): Finding | undefined {
  return assessment.findings.find((candidate) => candidate.rule === rule);
}
