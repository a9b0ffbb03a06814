import { z } from 'zod';
import type { TrainingProgress } from '../detect/progress.js';

export type { TrainingProgress } from '../detect/progress.js';

/** Risk levels, lowest first. The UI colours them once (low green … critical red). */
export const riskLevels = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof riskLevels)[number];

/** What a login flow should do with a scored attempt. */
export const decisions = ['allow', 'challenge', 'block'] as const;
export type Decision = (typeof decisions)[number];

/** The detectors whose scores make up a risk. */
export const componentNames = ['rules', 'statistical', 'isolation-forest', 'autoencoder'] as const;
export type ComponentName = (typeof componentNames)[number];

/** A detector's share of a score. */
export interface ScoreComponent {
  name: ComponentName;
  /** 0–1: the rules' combined severity, or the model's percentile among this case's logins. */
  score: number;
  /** The model's weight in the blend of models; null for the rules, which add as independent evidence. */
  weight: number | null;
  /** False when the run left this model out (its score is then 0 and counts for nothing). */
  used: boolean;
}

/** One reason behind a score, with its numbers in the text, e.g. "6,210 km in 0.8 h = 7,760 km/h". */
export interface ScoreReason {
  /** The rule or model that gave it: "impossible_travel", "brute_force", "isolation_forest", … */
  rule: string;
  /** 0–1: how strongly it counts. */
  severity: number;
  text: string;
}

/** The score of one event by one model run. */
export interface EventScore {
  eventId: number;
  runId: number;
  /** 0–100. */
  risk: number;
  level: RiskLevel;
  decision: Decision;
  components: ScoreComponent[];
  reasons: ScoreReason[];
}

/** Which models a run trains, with their parameters; the rules always run. */
export const modelChoiceSchema = z.object({
  /** The statistical risk of Freeman et al. (NDSS 2016). */
  freeman: z.boolean(),
  forest: z.union([
    z.literal(false),
    z.object({ trees: z.number().int().min(1).max(1000), maxSamples: z.number().int().min(2).max(65_536) }),
  ]),
  autoencoder: z.union([
    z.literal(false),
    z.object({ epochs: z.number().int().min(1).max(200), hidden: z.number().int().min(1).max(64), batchSize: z.number().int().min(8).max(16_384) }),
  ]),
});
export type ModelChoice = z.infer<typeof modelChoiceSchema>;

/** What to train: every event of the case, with these models and this seed. */
export const trainingOptionsSchema = z.object({
  seed: z.number().int().min(0).max(2 ** 31 - 1),
  models: modelChoiceSchema,
});
export type TrainingOptions = z.infer<typeof trainingOptionsSchema>;

/** Where a model run is. */
export type RunStatus = 'training' | 'complete' | 'failed';

/** A training and scoring run over the case. */
export interface ModelRun {
  id: number;
  status: RunStatus;
  seed: number;
  /** The models it trained; null when the run was made by a version that recorded them differently. */
  models: ModelChoice | null;
  /** Time span of the events it learned from (UTC ms). */
  windowStart: number | null;
  windowEnd: number | null;
  /** Events scored; null until complete. */
  events: number | null;
  startedAt: number;
  finishedAt: number | null;
  /** Seconds per phase (assess, forest, autoencoder, score). */
  seconds: Record<string, number>;
  /** Why a failed run failed. */
  error: string | null;
}

/** The data a model would learn from. */
export interface DatasetSummary {
  events: number;
  users: number;
  from: number | null;
  to: number | null;
  /** Ground-truth labels found in the data, with counts (e.g. normal, account_takeover). */
  labels: { label: string; count: number }[];
  unlabelled: number;
}

/** A training run under way, as far as it has come. */
export interface ActiveTraining {
  startedAt: number;
  options: TrainingOptions;
  /** The newest progress; null before the first report. */
  progress: TrainingProgress | null;
  /** Autoencoder loss after each epoch so far, for the chart. */
  losses: number[];
}

/** The Training view's state. */
export interface TrainingStatus {
  dataset: DatasetSummary;
  /** Every run, newest first. */
  runs: ModelRun[];
  /** The newest complete run, whose scores the other views show; null before the first. */
  latestRunId: number | null;
  active: ActiveTraining | null;
  /** The engine's default models and parameters, to start the form from. */
  defaults: TrainingOptions;
}
