import type { LearningSettings, LoginContext } from './behaviour-state.js';
import type { DetectionLogin } from './login.js';
import { placeName } from './login.js';

/** Rule names, as they appear in reasons, settings and alert policies. */
export const ruleNames = [
  'impossible_travel',
  'brute_force',
  'password_spray',
  'credential_stuffing',
  'success_after_failures',
  'new_device',
  'new_country',
  'new_asn',
  'new_network',
  'unusual_hour',
] as const;
export type RuleName = (typeof ruleNames)[number];

/** A rule that fired: its severity (0..1) and a reason with its numbers. */
export interface Finding {
  rule: RuleName;
  severity: number;
  reason: string;
}

/** Thresholds an analyst can tune. */
export interface RuleSettings {
  /** Faster than this between two successful logins is impossible travel. */
  maxTravelKmPerHour: number;
  /** Shorter hops are ignored (IP geolocation is not precise). */
  minTravelKm: number;
  /** Failures per user or per IP within the burst window. */
  bruteForceFailures: number;
  /** Distinct users tried from one IP or network within the spray window. */
  sprayUsers: number;
  /** Distinct users tried from one IP with a low success rate: stuffing. */
  stuffingUsers: number;
  stuffingMaxSuccessRate: number;
  /** Failures of the user just before a success. */
  takeoverFailures: number;
  /** Below this usualness (1 = an average hour) the hour is unusual for the user. */
  unusualHour: number;
}

/** Defaults. */
export const defaultRuleSettings: RuleSettings = {
  maxTravelKmPerHour: 1000,
  minTravelKm: 500,
  bruteForceFailures: 10,
  sprayUsers: 10,
  stuffingUsers: 3,
  stuffingMaxSuccessRate: 0.2,
  takeoverFailures: 5,
  unusualHour: 0.15,
};

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Run every rule on a login in its context. Counts in the context exclude the login itself, so add it. */
export function evaluateRules(
  login: DetectionLogin,
  context: LoginContext,
  settings: RuleSettings & Pick<LearningSettings, 'burstWindowMinutes' | 'sprayWindowMinutes'>,
): Finding[] {
  const findings: Finding[] = [];
  const failure = login.success ? 0 : 1;
  const travel = context.travel;
  if (login.success && travel && travel.km >= settings.minTravelKm && travel.kmPerHour > settings.maxTravelKmPerHour) {
    findings.push({
      rule: 'impossible_travel',
      severity: Math.min(1, 0.7 + 0.3 * Math.log10(travel.kmPerHour / settings.maxTravelKmPerHour)),
      reason: `${number.format(travel.km)} km in ${decimal.format(travel.hours)} h = ${number.format(travel.kmPerHour)} km/h (${placeName(travel.from)} → ${placeName(login)})`,
    });
  }
  const userFailures = context.userBurst.failures + failure;
  const ipFailures = context.ipBurst.failures + failure;
  if (!login.success && Math.max(userFailures, ipFailures) >= settings.bruteForceFailures) {
    const byIp = ipFailures >= userFailures;
    findings.push({
      rule: 'brute_force',
      severity: Math.min(1, 0.6 + 0.1 * Math.log2(Math.max(userFailures, ipFailures) / settings.bruteForceFailures + 1)),
      reason: byIp
        ? `${number.format(ipFailures)} failures from ${login.ip} in ${settings.burstWindowMinutes} min`
        : `${number.format(userFailures)} failures for ${login.user} in ${settings.burstWindowMinutes} min`,
    });
  }
  const ipUsers = context.ipUsers;
  const networkUsers = context.networkUsers;
  if (Math.max(ipUsers, networkUsers) >= settings.sprayUsers && (context.ipSpray.failures + failure) / (context.ipSpray.attempts + 1) >= 0.5) {
    const byIp = ipUsers >= networkUsers;
    findings.push({
      rule: 'password_spray',
      severity: 0.75,
      reason: `${number.format(Math.max(ipUsers, networkUsers))} distinct users tried from ${byIp ? login.ip : login.network} in ${settings.sprayWindowMinutes} min`,
    });
  } else if (ipUsers >= settings.stuffingUsers && login.ip) {
    const attempts = context.ipSpray.attempts + 1;
    const successRate = (context.ipSpray.successes + (login.success ? 1 : 0)) / attempts;
    if (successRate <= settings.stuffingMaxSuccessRate) {
      findings.push({
        rule: 'credential_stuffing',
        severity: 0.6,
        reason: `${login.ip} tried ${number.format(ipUsers)} users in ${settings.sprayWindowMinutes} min, ${number.format(successRate * 100)}% success (${attempts} attempts)`,
      });
    }
  }
  if (login.success && context.userBurst.failures >= settings.takeoverFailures) {
    findings.push({
      rule: 'success_after_failures',
      severity: 0.85,
      reason: `success after ${number.format(context.userBurst.failures)} failures for ${login.user} in ${settings.burstWindowMinutes} min`,
    });
  }
  if (context.profiled) {
    if (context.newDevice) findings.push({ rule: 'new_device', severity: 0.3, reason: `new device for ${login.user}: ${[login.browser, login.os, login.deviceType].filter(Boolean).join(', ')}` });
    if (context.newCountry && login.country) findings.push({ rule: 'new_country', severity: 0.45, reason: `first login of ${login.user} from ${login.country} (${number.format(context.priorSuccesses)} earlier logins)` });
    if (context.newAsn && login.asn !== null) findings.push({ rule: 'new_asn', severity: 0.3, reason: `new provider for ${login.user}: AS${login.asn}` });
    else if (context.newNetwork && login.network) findings.push({ rule: 'new_network', severity: 0.1, reason: `new network for ${login.user}: ${login.network}` });
    if (context.hourUsualness < settings.unusualHour) {
      findings.push({
        rule: 'unusual_hour',
        severity: 0.35 * (1 - context.hourUsualness / settings.unusualHour) + 0.1,
        reason: `unusual hour for ${login.user}: ${weekdayHour(login.time)} UTC (${decimal.format(context.hourUsualness * 100)}% of their usual rate)`,
      });
    }
  }
  return findings;
}

function weekdayHour(time: number): string {
  const date = new Date(time);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date.getUTCDay()];
  return `${day} ${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
}
