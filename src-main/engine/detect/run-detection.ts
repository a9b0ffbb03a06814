import { fitCalibration, percentile, type Calibration } from '../../../src-shared/detect/calibration.js';
import { anomalyScores, trainIsolationForest, type IsolationForest } from '../../../src-shared/detect/isolation-forest.js';
import { saveIsolationForest } from '../../../src-shared/detect/isolation-forest-json.js';
import type { CaseDatabase } from '../store/database.js';
import { eventSpan, iterateDetectionLogins } from '../store/detection-input.js';
import { createModelRun, finishModelRun } from '../store/scores.js';
import { runAssessmentPass } from './assessment-pass.js';
import { reconstructionErrors, saveAutoencoder, trainAutoencoder, disposeAutoencoder } from './autoencoder.js';
import { FreemanModel } from '../../../src-shared/detect/freeman.js';
import { saveFreemanModel } from '../../../src-shared/detect/freeman-json.js';
import { writeScores } from './write-scores.js';
import { defaultDetectionSettings, defaultModelChoice, type DetectionSettings, type ModelChoice } from './settings.js';
import type { TrainingProgress } from '../../../src-shared/detect/progress.js';

/** A detection run over a whole case: what to train and how. */
export interface DetectionOptions {
  seed: number;
  settings?: Partial<DetectionSettings>;
  models?: Partial<ModelChoice>;
  onProgress?: (progress: TrainingProgress) => void;
}

/** What a run did. */
export interface DetectionRunSummary {
  runId: number;
  events: number;
  /** Seconds per phase. */
  seconds: Record<string, number>;
}

/**
 * Train on the case's events and score every one of them: the causal pass (profiles, rules, features,
 * statistical risk), then the Isolation Forest and the autoencoder on the engineered features, each
 * calibrated to percentiles of this case, combined into risk, level and decision per event.
 */
export async function runDetection(db: CaseDatabase, options: DetectionOptions): Promise<DetectionRunSummary> {
  const settings: DetectionSettings = { ...defaultDetectionSettings, ...options.settings };
  const models: ModelChoice = { ...defaultModelChoice, ...options.models };
  const report = options.onProgress ?? (() => undefined);
  const span = eventSpan(db);
  const seconds: Record<string, number> = {};
  const runId = createModelRun(db, { kind: 'ensemble', parameters: { settings, models }, seed: options.seed, windowStart: span.first, windowEnd: span.last });
  try {
    let started = performance.now();
    const userRisk = models.freeman ? new FreemanModel() : null;
    const pass = runAssessmentPass(iterateDetectionLogins(db), span.count, settings, userRisk, (done) => report({ phase: 'assess', done, total: span.count }));
    seconds.assess = (performance.now() - started) / 1000;

    started = performance.now();
    let forest: IsolationForest | null = null;
    let forestScores: Float64Array = new Float64Array(pass.count);
    if (models.forest && pass.count > 0) {
      forest = trainIsolationForest(pass.features, { seed: options.seed, trees: models.forest.trees, maxSamples: models.forest.maxSamples });
      report({ phase: 'forest', done: models.forest.trees, total: models.forest.trees });
      forestScores = anomalyScores(forest, pass.features);
    }
    seconds.forest = (performance.now() - started) / 1000;

    started = performance.now();
    let autoencoderScores: Float64Array = new Float64Array(pass.count);
    let autoencoderJson: object | null = null;
    if (models.autoencoder && pass.count > 0) {
      const epochs = models.autoencoder.epochs;
      const autoencoder = await trainAutoencoder(pass.features, {
        seed: options.seed,
        hidden: models.autoencoder.hidden,
        epochs,
        batchSize: models.autoencoder.batchSize,
        onEpoch: (epoch, loss) => report({ phase: 'autoencoder', done: epoch, total: epochs, loss }),
      });
      autoencoderScores = (await reconstructionErrors(autoencoder, pass.features)).total;
      autoencoderJson = await saveAutoencoder(autoencoder);
      disposeAutoencoder(autoencoder);
    }
    seconds.autoencoder = (performance.now() - started) / 1000;

    started = performance.now();
    const calibrations = {
      freeman: fitCalibration(pass.userRisk),
      forest: fitCalibration(forestScores),
      autoencoder: fitCalibration(autoencoderScores),
    };
    const toPercentiles = (calibration: Calibration, scores: Float64Array): Float64Array => scores.map((score) => percentile(calibration, score));
    writeScores(db, runId, pass, settings, {
      freeman: userRisk ? toPercentiles(calibrations.freeman, pass.userRisk) : new Float64Array(pass.count),
      forest: forest ? toPercentiles(calibrations.forest, forestScores) : new Float64Array(pass.count),
      autoencoder: autoencoderJson ? toPercentiles(calibrations.autoencoder, autoencoderScores) : new Float64Array(pass.count),
    }, forest, (done) => report({ phase: 'score', done, total: pass.count }));
    seconds.score = (performance.now() - started) / 1000;

    finishModelRun(
      db,
      runId,
      'complete',
      {
        freeman: userRisk ? saveFreemanModel(userRisk) : null,
        forest: forest ? saveIsolationForest(forest) : null,
        autoencoder: autoencoderJson,
        calibrations,
      },
      { events: pass.count, seconds },
    );
    return { runId, events: pass.count, seconds };
  } catch (error) {
    finishModelRun(db, runId, 'failed', {}, { error: (error as Error).message });
    throw error;
  }
}
