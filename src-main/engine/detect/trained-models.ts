import type { Calibrations, TrainedModels } from '../../../src-shared/detect/login-scorer.js';
import { restoreIsolationForest, type IsolationForestJson } from '../../../src-shared/detect/isolation-forest-json.js';
import type { ModelRunRow } from '../store/scores.js';
import { defaultDetectionSettings, type DetectionSettings } from './settings.js';

/** The models a run stores (versioned JSON each), as `runDetection` writes them. */
export interface StoredModels {
  freeman: object | null;
  forest: IsolationForestJson | null;
  autoencoder: object | null;
  calibrations: Calibrations;
}

/** A run's trained models, ready for scoring logins one at a time. */
export function restoreTrainedModels(run: Pick<ModelRunRow, 'models'>): TrainedModels {
  const stored = JSON.parse(run.models) as StoredModels;
  if (!stored.calibrations) throw new Error('The run stores no calibrations: it did not complete.');
  return {
    forest: stored.forest ? restoreIsolationForest(stored.forest) : null,
    calibrations: stored.calibrations,
    freeman: stored.freeman !== null,
    autoencoder: stored.autoencoder !== null,
  };
}

/** The detection settings a run was trained with. */
export function runSettings(run: Pick<ModelRunRow, 'parameters'>): DetectionSettings {
  const parameters = JSON.parse(run.parameters) as { settings?: Partial<DetectionSettings> };
  return { ...defaultDetectionSettings, ...parameters.settings };
}
