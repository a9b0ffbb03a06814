import type { Assessment, LoginAssessor } from './assessor.js';
import { percentile, type Calibration } from './calibration.js';
import type { ComponentScores, DecisionSettings, ModelUse } from './ensemble.js';
import { featureCount } from './features.js';
import { anomalyScores, type IsolationForest } from './isolation-forest.js';
import type { DetectionLogin } from './login.js';
import { composeScore, explainAbove, explainForestRows, type LoginScore } from './login-score.js';

/** Each model's calibration: raw scores → percentiles of the training window. */
export interface Calibrations {
  freeman: Calibration;
  forest: Calibration;
  autoencoder: Calibration;
}

/** What a training run leaves for scoring: the forest, the calibrations and which models took part. */
export interface TrainedModels {
  forest: IsolationForest | null;
  calibrations: Calibrations;
  freeman: boolean;
  autoencoder: boolean;
}

/** Which models of a run take part in its scores. */
export function modelUse(models: TrainedModels): ModelUse {
  return { freeman: models.freeman, forest: models.forest !== null, autoencoder: models.autoencoder };
}

/** Raw model outputs of one login. */
export interface RawModelScores {
  userRisk: number;
  forest: number;
  autoencoder: number;
}

/** The forest's component of a login: its raw anomaly score's percentile in the run (0 without a forest). */
export function forestComponent(models: TrainedModels, rawForest: number): number {
  return models.forest ? percentile(models.calibrations.forest, rawForest) : 0;
}

/** The component scores of an assessed login: rules as combined severity, models as percentiles. */
export function componentScores(rules: number, raw: RawModelScores, models: TrainedModels): ComponentScores {
  return {
    rules,
    freeman: models.freeman ? percentile(models.calibrations.freeman, raw.userRisk) : 0,
    forest: forestComponent(models, raw.forest),
    autoencoder: models.autoencoder ? percentile(models.calibrations.autoencoder, raw.autoencoder) : 0,
  };
}

/**
 * Scores logins one at a time with trained models: the path a live stream takes, and the reference a
 * batch run must agree with. The assessor carries the causal state (it has seen every earlier login).
 */
export class LoginScorer {
  constructor(
    readonly assessor: LoginAssessor,
    private readonly models: TrainedModels,
    private readonly settings: DecisionSettings,
  ) {}

  /** Judge one login (then learn it). `autoencoderError` is its reconstruction error when the autoencoder is used. */
  scoreOne(login: DetectionLogin, autoencoderError = 0): LoginScore {
    const assessment = this.assessor.assess(login);
    const score = this.scoreAssessment(assessment, autoencoderError);
    this.assessor.learn(login, assessment);
    return score;
  }

  /** The score of an assessment made by this scorer's assessor. */
  scoreAssessment(assessment: Assessment, autoencoderError = 0): LoginScore {
    const forest = this.models.forest;
    const forestScore = forest ? anomalyScores(forest, { values: assessment.features, rows: 1, columns: featureCount })[0] : 0;
    const components = componentScores(assessment.rules, { userRisk: assessment.userRisk, forest: forestScore, autoencoder: autoencoderError }, this.models);
    const forestNote = forest && components.forest >= explainAbove ? explainForestRows(forest, assessment.features, [0], [components.forest])[0] : null;
    return composeScore(assessment.findings, components, { freemanTop: assessment.userRiskTop?.feature ?? '', forest: forestNote }, this.settings, modelUse(this.models));
  }
}
