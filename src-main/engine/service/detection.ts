import { ApiError, type DatasetSummary, type RunEvaluation, type VigilApi } from '../../../src-shared/api.js';
import type { CaseDatabase } from '../store/database.js';
import { latestCompleteRunId, modelRunById, modelRunList } from '../store/queries/model-runs.js';
import { evaluateRun } from './offload.js';
import { defaultTrainingOptions, type TrainingSession } from './training.js';

/** The contract methods over training and model runs. */
export type DetectionMethods = Pick<VigilApi, 'trainingStatus' | 'trainModels' | 'cancelTraining' | 'listModelRuns' | 'runEvaluation'>;

/** What the detection methods share with the service: its cache and the dataset summary. */
export interface DetectionContext {
  db: CaseDatabase;
  path: string;
  session: TrainingSession;
  /** The service's cache, cleared when the data changes. */
  remember<T>(key: string, compute: () => T): T;
  forget(key: string): void;
  dataset(): Promise<DatasetSummary>;
}

/** Training, runs and their evaluation against the labels in the data. */
export function createDetectionMethods({ db, path, session, remember, forget, dataset }: DetectionContext): DetectionMethods {
  return {
    trainingStatus: async () => ({ dataset: await dataset(), runs: modelRunList(db), latestRunId: latestCompleteRunId(db), active: session.active(), defaults: defaultTrainingOptions() }),
    trainModels: (options) => session.train(options),
    cancelTraining: async () => session.cancel(),
    listModelRuns: async () => modelRunList(db),
    async runEvaluation(runId) {
      const run = modelRunById(db, runId);
      if (!run) throw new ApiError('NotFound', `no model run #${runId} in this case`);
      if (run.status !== 'complete') throw new ApiError('ValidationError', `run #${runId} is ${run.status}: only a complete run can be evaluated`);
      // A run's scores never change, so its evaluation is computed once per data version (the promise is kept, so callers share it).
      const evaluation = remember<Promise<RunEvaluation>>(`evaluation:${runId}`, () => evaluateRun(db, path, runId));
      return evaluation.catch((error: unknown) => {
        forget(`evaluation:${runId}`);
        throw error;
      });
    },
  };
}
