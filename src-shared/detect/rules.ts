import type { LearningSettings } from './behaviour-state.js';
import type { LoginContext } from './login-context.js';
import type { DetectionLogin } from './login.js';
import { evaluateAttackRules } from './rules-attack.js';
import { evaluateProfileRules } from './rules-profile.js';

/** Rule names, as they appear in reasons, settings and alert policies. */
export const ruleNames = [
  'impossible_travel',
  'brute_force',
  'password_spray',
  'credential_stuffing',
  'unknown_user',
  'unfamiliar_failure',
  'success_after_failures',
  'unfamiliar_login',
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
  /** Faster than this between two logins is impossible travel (airliners cruise at ~900 km/h). */
  maxTravelKmPerHour: number;
  /** Shorter hops are ignored (IP geolocation is not precise). */
  minTravelKm: number;
  /** Failures per user or per IP within the burst window. */
  bruteForceFailures: number;
  /** Failures from an address that never succeeded, within the burst window, that start to count. */
  earlyBurstFailures: number;
  /** Distinct users tried from one IP or network within the spray window, mostly failing (this share or more). */
  sprayUsers: number;
  sprayFailureShare: number;
  /** As few distinct users count as the start of a spray from an address nobody ever logged in from. */
  earlySprayUsers: number;
  /** Failures for unknown names from distinct networks within the campaign window: a stuffing campaign. */
  campaignFailures: number;
  campaignNetworks: number;
  /** Failures of the user just before a success. */
  takeoverFailures: number;
  /** Days with trusted sessions before the time of day is judged. */
  unusualHourDays: number;
  /** Below this share of days with a session starting near a time of day (the user's, backed off to everyone's), the time is unusual. */
  unusualHourShare: number;
}

/** Defaults. */
export const defaultRuleSettings: RuleSettings = {
  maxTravelKmPerHour: 1000,
  minTravelKm: 500,
  bruteForceFailures: 10,
  earlyBurstFailures: 3,
  sprayUsers: 10,
  sprayFailureShare: 0.8,
  earlySprayUsers: 3,
  campaignFailures: 5,
  campaignNetworks: 3,
  takeoverFailures: 5,
  unusualHourDays: 5,
  unusualHourShare: 0.05,
};

/** The settings the rules read. */
export type RuleInput = RuleSettings & Pick<LearningSettings, 'burstWindowMinutes' | 'sprayWindowMinutes' | 'campaignWindowMinutes'>;

/** Run every rule on a login in its context. Counts in the context exclude the login itself. */
export function evaluateRules(login: DetectionLogin, context: LoginContext, settings: RuleInput): Finding[] {
  const findings: Finding[] = [];
  evaluateAttackRules(login, context, settings, findings);
  evaluateProfileRules(login, context, settings, findings);
  return findings;
}
