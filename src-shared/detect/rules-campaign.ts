import type { LoginContext } from './login-context.js';
import type { DetectionLogin } from './login.js';
import { plural } from './reason-format.js';
import type { Finding, RuleInput } from './rules.js';

/**
 * A credential-stuffing campaign through many addresses: failures on names that never logged in, from
 * many networks at once, more of them than names logging in for the first time (while a population is
 * still arriving, its typos are the failures for unknown names). While one runs, a failure from an address
 * nobody ever logged in from is likely part of it when the name has no history or the source is not the
 * user's own (a user mistyping on their own device and provider is not a campaign), and so is a success
 * there for a name with no history or on a provider and device the user never used. True when it fired.
 */
export function campaign(login: DetectionLogin, context: LoginContext, settings: RuleInput, failure: number, findings: Finding[]): boolean {
  const failures = context.campaignFailures;
  if (failures < settings.campaignFailures || context.campaignNetworks < settings.campaignNetworks || failures <= context.campaignArrivals || !login.ip || context.ipSuccesses > 0) {
    return false;
  }
  const numbers = `${plural(failures, 'failure')} for unknown names from ${plural(context.campaignNetworks, 'network')} in ${settings.campaignWindowMinutes} min`;
  if (failure && (!context.knownUser || (context.newIp && (context.newAsn || context.newDevice)))) {
    findings.push({
      rule: 'credential_stuffing',
      severity: Math.min(0.9, 0.6 + 0.1 * Math.log2(failures / settings.campaignFailures)),
      reason: `campaign under way: ${numbers}; no one ever logged in from ${login.ip}`,
    });
    return true;
  }
  if (!failure && (!context.knownUser || (context.newAsn && context.newDevice))) {
    const source = context.newNamedDevice ? 'a device and provider' : 'a provider';
    const stranger = context.knownUser ? `on ${source} ${login.user} never used` : `${login.user} never logged in before`;
    findings.push({
      rule: 'credential_stuffing',
      severity: 0.5,
      reason: `success for ${login.user} from ${login.ip} during a campaign (${numbers}): ${stranger}, and no one ever logged in from ${login.ip}`,
    });
    return true;
  }
  return false;
}
