import type { Finding } from './rules.js';

/** Each component's score, 0..1: rules by severity, models as calibrated percentiles. */
export interface ComponentScores {
  rules: number;
  freeman: number;
  forest: number;
  autoencoder: number;
}

/** Risk levels, lowest first. */
export const riskLevels = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof riskLevels)[number];

/** What a login flow should do, mildest first. */
export const decisions = ['allow', 'challenge', 'block'] as const;
export type Decision = (typeof decisions)[number];

/** Thresholds the analyst sets (risk 0..100) and how much each model counts. */
export interface DecisionSettings {
  mediumAt: number;
  highAt: number;
  criticalAt: number;
  challengeAt: number;
  blockAt: number;
  weights: { freeman: number; forest: number; autoencoder: number };
}

/** Defaults. */
export const defaultDecisionSettings: DecisionSettings = {
  mediumAt: 40,
  highAt: 65,
  criticalAt: 85,
  challengeAt: 50,
  blockAt: 80,
  weights: { freeman: 0.5, forest: 0.25, autoencoder: 0.25 },
};

/** Rule severities combined as independent evidence (noisy-or): two medium signals outweigh one. */
export function combineFindings(findings: readonly Finding[]): number {
  let keep = 1;
  for (const finding of findings) keep *= 1 - Math.min(1, Math.max(0, finding.severity));
  return 1 - keep;
}

/** Which models took part in a run (a model left out must not drag the blend down). */
export interface ModelUse {
  freeman: boolean;
  forest: boolean;
  autoencoder: boolean;
}

/** Every model. */
export const allModels: ModelUse = { freeman: true, forest: true, autoencoder: true };

/**
 * The blended percentile of the models that took part, sharpened so that only the far tail of the
 * reference counts: at the 99th percentile it gives about 0.36, at the median almost nothing. A small
 * linear part keeps ordinary logins ranked among themselves instead of tied at zero.
 */
export function modelEvidence(components: ComponentScores, weights: DecisionSettings['weights'], used: ModelUse = allModels): number {
  const freeman = used.freeman ? weights.freeman : 0;
  const forest = used.forest ? weights.forest : 0;
  const autoencoder = used.autoencoder ? weights.autoencoder : 0;
  const total = freeman + forest + autoencoder;
  if (total <= 0) return 0;
  const blend = (freeman * components.freeman + forest * components.forest + autoencoder * components.autoencoder) / total;
  return Math.pow(blend, 50) * 0.6 + blend * 0.05;
}

/** Risk 0..100 with its level and decision. Rules and models add up as independent evidence. */
export function decide(components: ComponentScores, settings: DecisionSettings = defaultDecisionSettings, used: ModelUse = allModels): { risk: number; level: RiskLevel; decision: Decision } {
  const models = modelEvidence(components, settings.weights, used);
  const risk = 100 * (1 - (1 - components.rules) * (1 - models));
  const level: RiskLevel = risk >= settings.criticalAt ? 'critical' : risk >= settings.highAt ? 'high' : risk >= settings.mediumAt ? 'medium' : 'low';
  const decision: Decision = risk >= settings.blockAt ? 'block' : risk >= settings.challengeAt ? 'challenge' : 'allow';
  return { risk, level, decision };
}
