import { z } from 'zod';

/** Risk levels, lowest first. The UI colours them once (low green … critical red). */
export const riskLevels = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof riskLevels)[number];

/** What a login flow should do with a scored attempt. */
export const decisions = ['allow', 'challenge', 'block'] as const;
export type Decision = (typeof decisions)[number];

/** A detector's share of a score: rule, statistical model, isolation forest, autoencoder. */
export interface ScoreComponent {
  /** Detector name, e.g. "impossible-travel", "freeman", "isolation-forest". */
  name: string;
  /** 0–100 before the ensemble weighs it. */
  score: number;
  weight: number;
}

/** One reason behind a score, with its numbers, e.g. "6,210 km in 0.8 h = 7,760 km/h, Oslo → Chicago". */
export interface ScoreReason {
  /** Stable code for grouping: "impossible-travel", "new-country", "brute-force", … */
  code: string;
  text: string;
  /** The numbers quoted in the text, by name, for sorting and charts. */
  values: Record<string, number>;
}

/** The score of one event by one model run. */
export interface EventScore {
  eventId: number;
  runId: number;
  risk: number;
  level: RiskLevel;
  decision: Decision;
  components: ScoreComponent[];
  reasons: ScoreReason[];
}

/** Kinds of model Vigil trains. */
export const modelKinds = ['ensemble', 'freeman', 'isolation-forest', 'autoencoder'] as const;
export type ModelKind = (typeof modelKinds)[number];

/** A trained model and how well it did on the case's ground truth, if any. */
export interface ModelRun {
  id: number;
  kind: ModelKind;
  seed: number;
  parameters: Record<string, number | string | boolean>;
  trainedFrom: number;
  trainedTo: number;
  events: number;
  createdAt: number;
  /** Metrics against ground-truth labels (precision, recall, ROC AUC, …); empty without labels. */
  metrics: Record<string, number>;
}

/** What to train on. */
export const trainingRequestSchema = z.object({
  kind: z.enum(modelKinds),
  seed: z.number().int().min(0).max(2 ** 31 - 1),
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
});
export type TrainingRequest = z.infer<typeof trainingRequestSchema>;

/** Progress of a training or scoring run. */
export interface TrainingProgress {
  kind: ModelKind;
  phase: 'features' | 'training' | 'scoring' | 'evaluating';
  /** 0–1, or null when the phase has no known length. */
  fraction: number | null;
  eventsDone: number;
  elapsedMs: number;
}

/** The data a model would learn from. */
export interface DatasetSummary {
  events: number;
  users: number;
  from: number | null;
  to: number | null;
  /** Ground-truth labels found in the data, with counts (e.g. normal, account-takeover). */
  labels: { label: string; count: number }[];
  unlabelled: number;
}

/** The Training view's state. */
export interface TrainingStatus {
  dataset: DatasetSummary;
  runs: ModelRun[];
  /** Progress of a run under way, or null. */
  active: TrainingProgress | null;
}
