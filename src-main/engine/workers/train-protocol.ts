import type { ModelChoice } from '../../../src-shared/api/detection.js';
import type { RunEvaluation } from '../../../src-shared/api/evaluation.js';
import type { TrainingProgress } from '../../../src-shared/detect/progress.js';
import type { CaseCounts } from '../store/queries/case.js';
import type { WorkerError } from './protocol.js';

/** A training as it crosses to the worker (data only). */
export interface TrainRequestOptions {
  seed: number;
  models: ModelChoice;
  /** Risk at or above which a login is challenged and blocked (the case's Settings). */
  challengeAt: number;
  blockAt: number;
  /** After scoring, group the run's alerts at this risk into incidents, so the Alerts view opens at once. */
  incidentThreshold: number;
}

/** What a finished training did. */
export interface TrainingSummary {
  runId: number;
  events: number;
  /** Seconds per phase. */
  seconds: Record<string, number>;
  incidents: number;
}

/**
 * Messages to the detection worker: train a new run, evaluate a run against the labels, group a run's
 * alerts into incidents at another threshold, or refresh the planner's statistics and count the case. Stopping a training terminates the worker (a tfjs epoch
 * cannot be interrupted).
 */
export type TrainRequest =
  | { type: 'train'; seq: number; casePath: string; options: TrainRequestOptions }
  | { type: 'evaluate'; seq: number; casePath: string; runId: number }
  | { type: 'incidents'; seq: number; casePath: string; runId: number; threshold: number }
  | { type: 'statistics'; seq: number; casePath: string };


/** Messages from the detection worker. */
export type TrainReply =
  | { type: 'progress'; seq: number; progress: TrainingProgress }
  | { type: 'trained'; seq: number; summary: TrainingSummary }
  | { type: 'evaluated'; seq: number; evaluation: RunEvaluation }
  | { type: 'derived'; seq: number; incidents: number }
  | { type: 'refreshed'; seq: number; counts: CaseCounts }
  | { type: 'error'; seq: number; error: WorkerError };
