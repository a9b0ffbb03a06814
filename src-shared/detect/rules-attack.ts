import type { LoginContext } from './login-context.js';
import type { DetectionLogin } from './login.js';
import { formatPercent, formatWhole, plural } from './reason-format.js';
import { campaign } from './rules-campaign.js';
import type { Finding, RuleInput } from './rules.js';

/**
 * Rules on attacks against credentials. One address's attempts are named by their shape: many names,
 * mostly failing, is a password spray; many failures on one or two names is brute force; failures from
 * many networks on names that never logged in is a stuffing campaign. Then failures on a name that never
 * logged in or from a source the user never used, and a success after a burst of failures.
 * Window counts in the context exclude the login itself, so each rule adds it.
 */
export function evaluateAttackRules(login: DetectionLogin, context: LoginContext, settings: RuleInput, findings: Finding[]): void {
  const failure = login.success ? 0 : 1;
  if (!spray(login, context, settings, failure, findings, settings.sprayUsers) && !bruteForce(login, context, settings, failure, findings)) {
    if (!campaign(login, context, settings, failure, findings) && !earlyBurst(login, context, settings, failure, findings)) {
      spray(login, context, settings, failure, findings, settings.earlySprayUsers);
    }
  }
  if (!login.success) failedGuesses(login, context, findings);
  if (login.success && context.userBurst.failures >= settings.takeoverFailures) {
    const failures = context.userBurst.failures;
    // A forgotten password ends in a success on the user's own device and provider; a cracked one elsewhere.
    const unfamiliar = context.newAsn || context.newDevice;
    findings.push({
      rule: 'success_after_failures',
      severity: Math.min(0.97, (unfamiliar ? 0.8 : 0.45) + (failures >= settings.bruteForceFailures ? 0.15 : 0)),
      reason: `success after ${plural(failures, 'failure')} for ${login.user} in ${settings.burstWindowMinutes} min${unfamiliar ? `, ${unfamiliarSource(context)}` : ''}`,
    });
  }
}

/**
 * Many names tried from one address (or its network), mostly failing. From `sprayUsers` names it is a
 * spray outright; from `earlySprayUsers` only when nobody ever logged in from the address. True when it fired.
 */
function spray(login: DetectionLogin, context: LoginContext, settings: RuleInput, failure: number, findings: Finding[], minimumUsers: number): boolean {
  const byIp = context.ipUsers >= context.networkUsers;
  const users = Math.max(context.ipUsers, context.networkUsers);
  const window = byIp ? context.ipSpray : context.networkSpray;
  const attempts = window.attempts + 1;
  const failureShare = (window.failures + failure) / attempts;
  const early = minimumUsers < settings.sprayUsers;
  if (users < minimumUsers || failureShare < settings.sprayFailureShare || (early && context.ipSuccesses > 0)) return false;
  findings.push({
    rule: 'password_spray',
    severity: early ? 0.55 + 0.02 * users : Math.min(0.97, 0.8 + 0.05 * Math.log2(users / settings.sprayUsers)),
    reason: `${plural(users, 'distinct user')} tried from ${byIp ? login.ip : login.network} in ${hours(settings.sprayWindowMinutes)}, ${formatPercent(failureShare)} of ${plural(attempts, 'attempt')} failed`,
  });
  return true;
}

/** Many failures from one address or on one user within the burst window. True when it fired. */
function bruteForce(login: DetectionLogin, context: LoginContext, settings: RuleInput, failure: number, findings: Finding[]): boolean {
  if (!failure) return false;
  const userFailures = context.userBurst.failures + 1;
  const ipFailures = context.ipBurst.failures + 1;
  const most = Math.max(userFailures, ipFailures);
  if (most < settings.bruteForceFailures) return false;
  // Name the address whenever it crossed the line (it is what a firewall blocks), the user when theirs is larger.
  const counts: string[] = [];
  if (login.ip && ipFailures >= settings.bruteForceFailures) counts.push(`${plural(ipFailures, 'failure')} from ${login.ip}`);
  if (userFailures > ipFailures || counts.length === 0) counts.push(`${plural(userFailures, 'failure')} for ${login.user}`);
  findings.push({
    rule: 'brute_force',
    severity: Math.min(0.98, 0.85 + 0.05 * Math.log2(most / settings.bruteForceFailures)),
    reason: `${counts.join(' and ')} in ${settings.burstWindowMinutes} min`,
  });
  return true;
}

/**
 * The start of a burst: repeated failures on one or two names from an address nobody ever logged in from,
 * on a device or provider the user never used (a user who forgot a password fails on their own phone).
 */
function earlyBurst(login: DetectionLogin, context: LoginContext, settings: RuleInput, failure: number, findings: Finding[]): boolean {
  const ipFailures = context.ipBurst.failures + failure;
  const users = context.ipBurst.distinct + (context.ipBurst.distinct > 0 ? 0 : 1);
  const unfamiliar = !context.knownUser || context.newAsn || context.newDevice;
  if (!failure || !login.ip || ipFailures < settings.earlyBurstFailures || users > 2 || context.ipSuccesses > 0 || !context.newIp || !unfamiliar) return false;
  findings.push({
    rule: 'brute_force',
    severity: 0.5 + 0.3 * (ipFailures / settings.bruteForceFailures),
    reason: `${plural(ipFailures, 'failure')} from ${login.ip} in ${settings.burstWindowMinutes} min, never a success from it`,
  });
  return true;
}

/** A failure on a name that never logged in, or from a source the user never used. */
function failedGuesses(login: DetectionLogin, context: LoginContext, findings: Finding[]): void {
  if (!context.knownUser) {
    // Judged against how settled the population is: early on every name is new.
    const severity = 0.6 * context.maturity;
    if (severity >= 0.1) {
      findings.push({
        rule: 'unknown_user',
        severity,
        reason: `failed login for ${login.user}, a name that never logged in successfully (${plural(context.priorFailures + 1, 'attempt')}, no success)`,
      });
    }
    return;
  }
  if (context.newIp && context.newNetwork && (context.newAsn || context.newCountry) && context.ipSuccesses === 0) {
    const novel = [context.newCountry && login.country ? `country ${login.country}` : null, context.newAsn && login.asn !== null ? `AS${login.asn}` : null, context.newNamedDevice ? 'device' : null].filter(Boolean);
    findings.push({
      rule: 'unfamiliar_failure',
      severity: 0.4 + (context.newDevice ? 0.15 : 0) + (context.newCountry ? 0.1 : 0),
      reason: `failed login for ${login.user} from ${login.ip ?? 'an unknown address'}: new ${novel.join(', ')} for the user, and no one ever logged in from it (${formatWhole(context.ipSeen)} earlier attempts)`,
    });
  }
}

/** "6 h" or "90 min". */
export function hours(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
}

/** What was new about where a success came from, as its reason says it (a login that names no device has no new device). */
function unfamiliarSource(context: LoginContext): string {
  if (context.newNamedDevice) return 'on a device the user never used';
  return context.newAsn ? 'on a provider the user never used' : 'with no device named';
}
