import { defaultLearningSettings, type LearningSettings } from '../../../src-shared/detect/behaviour-state.js';
import { defaultDecisionSettings, type DecisionSettings } from '../../../src-shared/detect/ensemble.js';
import { defaultRuleSettings, type RuleSettings } from '../../../src-shared/detect/rules.js';

/** How the statistical risk models the attacker (see FreemanModel). */
export interface StatisticalSettings {
  freemanAttacker: 'global' | 'uniform';
}

/** Everything that tunes detection: learning period, rule thresholds, decision thresholds, model weights. */
export type DetectionSettings = LearningSettings & RuleSettings & DecisionSettings & StatisticalSettings;

/** Defaults, stated once. */
export const defaultDetectionSettings: DetectionSettings = { ...defaultLearningSettings, ...defaultRuleSettings, ...defaultDecisionSettings, freemanAttacker: 'uniform' };

/** Which models a run trains, with their parameters. */
export interface ModelChoice {
  freeman: boolean;
  forest: { trees: number; maxSamples: number } | false;
  autoencoder: { epochs: number; hidden: number; batchSize: number } | false;
}

/**
 * Rows the autoencoder of a detection run trains on, a seeded sample of the case (it still scores every
 * row): 8 epochs over a million rows took 14 s and taught it no more than a sample of this size.
 */
export const autoencoderTrainingRows = 65_536;

/** Defaults. */
export const defaultModelChoice: ModelChoice = {
  freeman: true,
  forest: { trees: 100, maxSamples: 256 },
  autoencoder: { epochs: 8, hidden: 6, batchSize: 512 },
};
