import { fitCalibration } from '../../../src-shared/detect/calibration.js';
import type { TrainedModels } from '../../../src-shared/detect/login-scorer.js';
import { anomalyScores, trainIsolationForest, type IsolationForest } from '../../../src-shared/detect/isolation-forest.js';
import { saveIsolationForest } from '../../../src-shared/detect/isolation-forest-json.js';
import type { CaseDatabase } from '../store/database.js';
import { eventSpan, iterateDetectionLogins, loadEventDictionaries } from '../store/detection-input.js';
import { DetectionReader } from './detection-read.js';
import { forestScoresInWorker } from './forest-scores-in-worker.js';
import { createModelRun, finishModelRun } from '../store/scores.js';
import { runAssessmentPass } from './assessment-pass.js';
import { meanReconstructionErrors, saveAutoencoder, trainAutoencoder, disposeAutoencoder } from './autoencoder.js';
import { FreemanModel, freemanFeatures } from '../../../src-shared/detect/freeman.js';
import { saveFreemanModel } from '../../../src-shared/detect/freeman-json.js';
import { writeScores } from './write-scores.js';
import { judgePass, type PassVerdicts } from './pass-verdicts.js';
import { autoencoderTrainingRows, defaultDetectionSettings, defaultModelChoice, type DetectionSettings, type ModelChoice } from './settings.js';
import type { TrainingProgress } from '../../../src-shared/detect/progress.js';

/** A detection run over a whole case: what to train and how. */
export interface DetectionOptions {
  seed: number;
  settings?: Partial<DetectionSettings>;
  models?: Partial<ModelChoice>;
  onProgress?: (progress: TrainingProgress) => void;
  /** Store the scores in the case (default); a one-shot run into a temporary case writes them elsewhere. */
  storeScores?: boolean;
  /** Read the events in a worker thread while this one judges them (the case must be a file). */
  readInWorker?: boolean;
}

/** What a run did. */
export interface DetectionRunSummary {
  runId: number;
  events: number;
  /** Seconds per phase. */
  seconds: Record<string, number>;
  /** The events in the order they were judged, and the verdict on each. */
  eventIds: Float64Array;
  verdicts: PassVerdicts;
}

/**
 * Train on the case's events and score every one of them: the causal pass (profiles, rules, features,
 * statistical risk), then the Isolation Forest and the autoencoder on the engineered features, each
 * calibrated to percentiles of this case, combined into risk, level and decision per event.
 */
export async function runDetection(db: CaseDatabase, options: DetectionOptions): Promise<DetectionRunSummary> {
  const settings: DetectionSettings = { ...defaultDetectionSettings, ...options.settings };
  const choice: ModelChoice = { ...defaultModelChoice, ...options.models };
  const report = options.onProgress ?? (() => undefined);
  const span = eventSpan(db);
  const seconds: Record<string, number> = {};
  const runId = createModelRun(db, { kind: 'ensemble', parameters: { settings, models: choice, autoencoderTrainingRows }, seed: options.seed, windowStart: span.first, windowEnd: span.last });
  let reader: DetectionReader | null = null;
  try {
    let started = performance.now();
    const riskOptions = { attacker: settings.freemanAttacker };
    const onProgress = (done: number): void => report({ phase: 'assess', done, total: span.count });
    // Reading in a worker, the worker also computes the statistical risk, a batch behind the pass.
    reader = options.readInWorker ? new DetectionReader(db.name, loadEventDictionaries(db), span.count, choice.freeman ? riskOptions : null) : null;
    const userRisk = choice.freeman && !reader ? new FreemanModel(riskOptions) : null;
    const pass = reader
      ? await runAssessmentPass(reader.batches(), span.count, settings, null, onProgress, choice.freeman ? (trusted) => reader?.judged(trusted) : undefined)
      : await runAssessmentPass([iterateDetectionLogins(db)], span.count, settings, userRisk, onProgress);
    seconds.assess = (performance.now() - started) / 1000;

    started = performance.now();
    let forest: IsolationForest | null = null;
    let forestScores: Float64Array = new Float64Array(pass.count);
    let forestScoring: Promise<Float64Array> | null = null;
    const trainsAutoencoder = choice.autoencoder && pass.count > 0;
    if (choice.forest && pass.count > 0) {
      forest = trainIsolationForest(pass.features, { seed: options.seed, trees: choice.forest.trees, maxSamples: choice.forest.maxSamples });
      report({ phase: 'forest', done: choice.forest.trees, total: choice.forest.trees });
      // With an autoencoder to train, the forest scores the rows on the other core meanwhile.
      if (trainsAutoencoder) {
        forestScoring = forestScoresInWorker(forest, pass.features);
        // Awaited after the autoencoder; should that fail first, this failure is not left unhandled.
        forestScoring.catch(() => undefined);
      } else forestScores = anomalyScores(forest, pass.features);
    }
    seconds.forest = (performance.now() - started) / 1000;

    started = performance.now();
    let autoencoderScores: Float64Array = new Float64Array(pass.count);
    let autoencoderJson: object | null = null;
    if (trainsAutoencoder && choice.autoencoder) {
      const epochs = choice.autoencoder.epochs;
      const autoencoder = await trainAutoencoder(pass.features, {
        seed: options.seed,
        hidden: choice.autoencoder.hidden,
        epochs,
        batchSize: choice.autoencoder.batchSize,
        sampleRows: autoencoderTrainingRows,
        onEpoch: (epoch, loss) => report({ phase: 'autoencoder', done: epoch, total: epochs, loss }),
      });
      autoencoderScores = await meanReconstructionErrors(autoencoder, pass.features);
      autoencoderJson = await saveAutoencoder(autoencoder);
      disposeAutoencoder(autoencoder);
    }
    seconds.autoencoder = (performance.now() - started) / 1000;
    if (forestScoring) {
      started = performance.now();
      forestScores = await forestScoring;
      seconds.forest += (performance.now() - started) / 1000;
    }

    started = performance.now();
    let freemanJson = userRisk ? saveFreemanModel(userRisk) : null;
    if (reader && choice.freeman) {
      // The reader's statistical risk, finished while the models trained.
      const risk = await reader.userRisk();
      pass.userRisk = risk.risks;
      pass.userRiskTop = Array.from(risk.tops, (top) => freemanFeatures[top]);
      freemanJson = risk.model;
    }
    const models: TrainedModels = {
      forest,
      calibrations: {
        freeman: fitCalibration(pass.userRisk),
        forest: fitCalibration(forestScores),
        autoencoder: fitCalibration(autoencoderScores),
      },
      freeman: freemanJson !== null,
      autoencoder: autoencoderJson !== null,
    };
    const verdicts = judgePass(pass, models, { forest: forestScores, autoencoder: autoencoderScores }, settings);
    if (options.storeScores ?? true) writeScores(db, runId, pass.eventIds, verdicts, (done) => report({ phase: 'score', done, total: pass.count }));
    seconds.score = (performance.now() - started) / 1000;

    finishModelRun(
      db,
      runId,
      'complete',
      {
        freeman: freemanJson,
        forest: forest ? saveIsolationForest(forest) : null,
        autoencoder: autoencoderJson,
        calibrations: models.calibrations,
      },
      { events: pass.count, seconds },
    );
    return { runId, events: pass.count, seconds, eventIds: pass.eventIds, verdicts };
  } catch (error) {
    finishModelRun(db, runId, 'failed', {}, { error: (error as Error).message });
    throw error;
  } finally {
    reader?.close();
  }
}
