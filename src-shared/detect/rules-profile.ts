import type { LoginContext } from './login-context.js';
import type { HourHabit } from './hour-habit.js';
import { describeLocalTime } from './local-time.js';
import { placeName, type DetectionLogin } from './login.js';
import { formatPercent, formatTenths, formatWhole } from './reason-format.js';
import type { Finding, RuleInput, RuleName } from './rules.js';

/** A provider this many users reached from this many cities is shared (a VPN, a carrier): its places say little. */
const sharedProviderUsers = 3;
const sharedProviderCities = 3;

/**
 * Rules on the user's own habits: impossible travel, a new device, country, provider or network, and
 * an unusual time of day. Novelty counts only once the user's learning period is over.
 */
export function evaluateProfileRules(login: DetectionLogin, context: LoginContext, settings: RuleInput, findings: Finding[]): void {
  // A failure already explained as part of an attack on credentials is not a journey of the user's.
  if (login.success || !hasAttackFinding(findings)) impossibleTravel(login, context, settings, findings);
  if (!login.success) return;
  // Novelty weighs as much as the history it departs from: three logins say little, the learning period all.
  const confidence = context.confidence;
  if (confidence >= minimumConfidence) novelty(login, context, confidence, findings);
  unusualHour(login, context, settings, findings);
}

/**
 * A session starting at a time of day the user (backed off to everyone) rarely starts one, or one that
 * started at a usual time and is still logging in at an hour the user is never active at.
 */
function unusualHour(login: DetectionLogin, context: LoginContext, settings: RuleInput, findings: Finding[]): void {
  const session = context.session;
  const start = session.habit;
  if (unusual(start, settings)) {
    findings.push({
      rule: 'unusual_hour',
      severity: hourSeverity(start, settings),
      reason:
        `unusual hour for ${login.user}: ${session.continued ? 'session started' : 'session starts'} ${describeLocalTime(session.start)}; ` +
        `a session started within an hour of it on ${formatWhole(start.nearDays)} of their ${formatWhole(start.activeDays)} active days and on ${formatPercent(start.populationShare)} of all users' days`,
    });
    return;
  }
  const activity = session.activity;
  if (session.continued && unusual(activity, settings)) {
    findings.push({
      rule: 'unusual_hour',
      severity: hourSeverity(activity, settings),
      reason:
        `unusual hour for ${login.user}: session started ${describeLocalTime(session.start)}, still logging in ${describeLocalTime(context.local)}; ` +
        `logged in within an hour of it on ${formatWhole(activity.nearDays)} of their ${formatWhole(activity.activeDays)} active days and on ${formatPercent(activity.populationShare)} of all users' days`,
    });
  }
}

// Module functions, not closures: this runs for every successful login.
function unusual(habit: HourHabit, settings: RuleInput): boolean {
  return habit.activeDays >= settings.unusualHourDays && habit.share < settings.unusualHourShare;
}

function hourSeverity(habit: HourHabit, settings: RuleInput): number {
  return Math.min(0.8, 0.4 + 0.1 * Math.log2(settings.unusualHourShare / habit.share));
}

const minimumConfidence = 0.3;
const attackRules = new Set<RuleName>(['brute_force', 'password_spray', 'credential_stuffing']);

function hasAttackFinding(findings: readonly Finding[]): boolean {
  for (const finding of findings) if (attackRules.has(finding.rule)) return true;
  return false;
}

function novelty(login: DetectionLogin, context: LoginContext, confidence: number, findings: Finding[]): void {
  if (context.newDevice && context.newAsn && login.asn !== null) {
    // Nothing of the user's own: another device on another provider is someone else more often than not.
    const country = context.newCountry && login.country ? `, new country ${login.country}` : '';
    // A login that names no device (an SSH log) is on no familiar device, but on no new one either.
    const device = context.newNamedDevice ? `new device (${deviceText(login)})` : 'no device named';
    findings.push({
      rule: 'unfamiliar_login',
      // A short history still says much when nothing of it is present: soften by √confidence only.
      severity: Math.sqrt(confidence) * (context.newCountry ? 0.9 : 0.6),
      reason: `nothing familiar for ${login.user}: ${device}, new provider AS${login.asn}${country} (${historyText(context)})`,
    });
    return;
  }
  if (context.newNamedDevice) findings.push({ rule: 'new_device', severity: 0.35 * confidence, reason: `new device for ${login.user}: ${deviceText(login)}` });
  if (context.newCountry && login.country) {
    findings.push({ rule: 'new_country', severity: 0.45 * confidence, reason: `first login of ${login.user} from ${login.country} (${historyText(context)})` });
  }
  if (context.newAsn && login.asn !== null) {
    findings.push({ rule: 'new_asn', severity: 0.3 * confidence, reason: `new provider for ${login.user}: AS${login.asn} (used by ${formatWhole(context.asnUsers)} other users)` });
  } else if (context.newNetwork && login.network) {
    findings.push({ rule: 'new_network', severity: 0.1 * confidence, reason: `new network for ${login.user}: ${login.network}` });
  }
}

// The texts of a reason are built only when its finding fires: most logins are familiar.
function deviceText(login: DetectionLogin): string {
  return [login.browser, login.os, login.deviceType].filter(Boolean).join(', ');
}

function historyText(context: LoginContext): string {
  return `${formatWhole(context.priorSuccesses)} earlier logins, mostly from ${context.usualCountry ?? 'elsewhere'}`;
}

function impossibleTravel(login: DetectionLogin, context: LoginContext, settings: RuleInput, findings: Finding[]): void {
  const travel = context.travel;
  if (!travel || travel.km < settings.minTravelKm || travel.kmPerHour <= settings.maxTravelKmPerHour) return;
  // Back where the user has logged in before (a second office, a VPN exit they use): not a journey.
  if (!context.newCity) return;
  const shared = context.asnUsers >= sharedProviderUsers && context.asnCities >= sharedProviderCities;
  let severity = 0.75 + 0.2 * Math.min(1, Math.log10(travel.kmPerHour / settings.maxTravelKmPerHour));
  // The user's own device on a network many colleagues use from many places is most likely a VPN.
  if (!context.newDevice) severity *= 0.75;
  if (shared) severity *= 0.7;
  if (!login.success) severity *= 0.9;
  findings.push({
    rule: 'impossible_travel',
    severity,
    reason:
      `${formatWhole(travel.km)} km in ${formatTenths(travel.hours)} h = ${formatWhole(travel.kmPerHour)} km/h (${placeName(travel.from)} → ${placeName(login)})` +
      (login.success ? '' : ', failed attempt') +
      (shared ? `; AS${login.asn} is used by ${formatWhole(context.asnUsers)} users from ${formatWhole(context.asnCities)} cities` : ''),
  });
}
