/**
 * Which live-scored logins are alerts. The case's challenge threshold defines an alert everywhere (the
 * Alerts view groups the same scores into incidents after training), so a live alert is a login at or
 * above it; the policy narrows that down: a minimum level (default medium, the level that starts at the
 * default threshold of 40), and optionally only some rules and users.
 */
import { riskLevels, type RiskLevel } from '../../../src-shared/detect/ensemble.js';
import type { AlertPolicy } from '../../../src-shared/api/settings.js';

/** What the policy looks at in a scored login. */
export interface PolicySubject {
  risk: number;
  level: RiskLevel;
  user: string;
  reasons: readonly { rule: string }[];
}

/** True when a scored login reaches the case's alert threshold (it belongs in an incident). */
export function reachesThreshold(subject: Pick<PolicySubject, 'risk'>, challengeThreshold: number): boolean {
  return subject.risk >= challengeThreshold;
}

/** True when a scored login is an alert under the policy: at the threshold, at the minimum level, and of a listed rule and user when lists are given. */
export function isPolicyAlert(policy: AlertPolicy, challengeThreshold: number, subject: PolicySubject): boolean {
  if (!reachesThreshold(subject, challengeThreshold)) return false;
  if (riskLevels.indexOf(subject.level) < riskLevels.indexOf(policy.minimumLevel)) return false;
  if (policy.users.length > 0 && !policy.users.includes(subject.user)) return false;
  if (policy.rules.length > 0 && !subject.reasons.some((reason) => policy.rules.includes(reason.rule))) return false;
  return true;
}
