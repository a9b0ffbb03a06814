import {
  ApiError,
  toErrorShape,
  type ActiveTraining,
  type ModelRun,
  type Settings,
  type TrainingOptions,
  type VigilEvent,
} from '../../../src-shared/api.js';
import type { TrainingProgress } from '../../../src-shared/detect/progress.js';
import { defaultModelChoice } from '../detect/settings.js';
import { recordAudit } from '../store/audit.js';
import type { CaseDatabase } from '../store/database.js';
import { hasEvents } from '../store/events.js';
import { failUnfinishedRuns, highestRunId, modelRunById, modelRunList } from '../store/queries/model-runs.js';
import { clearScores } from '../store/scores.js';
import { trainInWorker, TrainingStopped } from '../workers/run-training.js';

/** What a training session needs from the service. */
export interface TrainingSessionOptions {
  db: CaseDatabase;
  path: string;
  actor: string;
  emit(event: VigilEvent): void;
  settings(): Settings;
  /** Whether an import is writing to the case (training then waits its turn). */
  importing(): boolean;
  /** Called after every training, finished or not: the data the views show has changed. */
  changed(): void;
}

/** One training at a time for one case, run in a worker, with its progress kept for views that open late. */
export interface TrainingSession {
  train(options: TrainingOptions): Promise<ModelRun>;
  cancel(): { cancelled: boolean };
  active(): ActiveTraining | null;
  /** Stop a running training and wait until it has stopped. */
  dispose(): Promise<void>;
}

/** The engine's default models and parameters, for the Training form. */
export function defaultTrainingOptions(): TrainingOptions {
  return { seed: 1, models: defaultModelChoice };
}

/** Start a training session for one open case. */
export function createTrainingSession(options: TrainingSessionOptions): TrainingSession {
  const { db, path, actor, emit } = options;
  let active: ActiveTraining | null = null;
  let controller: AbortController | null = null;
  let done: Promise<unknown> = Promise.resolve();

  const record = (progress: TrainingProgress): void => {
    if (!active) return;
    active.progress = progress;
    if (progress.phase === 'autoencoder' && progress.loss !== undefined) active.losses[progress.done - 1] = progress.loss;
    emit({ type: 'trainingProgress', progress });
  };

  const run = async (training: TrainingOptions, signal: AbortSignal): Promise<ModelRun> => {
    const before = highestRunId(db);
    const settings = options.settings();
    recordAudit(db, actor, 'training.start', training);
    try {
      const summary = await trainInWorker(
        path,
        { ...training, challengeAt: settings.challengeThreshold, blockAt: settings.blockThreshold, incidentThreshold: settings.challengeThreshold },
        { onProgress: record, signal },
      );
      const finished = modelRunById(db, summary.runId);
      if (!finished) throw new Error(`run #${summary.runId} is missing after training`);
      recordAudit(db, actor, 'training.finish', { run: summary.runId, events: summary.events, incidents: summary.incidents });
      emit({ type: 'trainingFinished', run: finished, error: null });
      return finished;
    } catch (error) {
      // A stopped or crashed worker leaves its run 'training': record it as failed, without its partial scores.
      const stopped = error instanceof TrainingStopped;
      const reason = stopped ? 'stopped by the user' : (error as Error).message;
      failUnfinishedRuns(db, before, reason);
      const failed = modelRunList(db).find((candidate) => candidate.id > before) ?? null;
      if (failed) clearScores(db, failed.id);
      recordAudit(db, actor, stopped ? 'training.stop' : 'training.fail', { run: failed?.id ?? null, reason });
      emit({ type: 'trainingFinished', run: failed, error: stopped ? null : toErrorShape(error) });
      if (stopped && failed) return failed;
      throw new ApiError('InternalError', `training failed: ${reason}`);
    }
  };

  return {
    train(training) {
      if (active) return Promise.reject(new ApiError('Busy', 'A training is already running in this case; wait for it or stop it.'));
      if (options.importing()) return Promise.reject(new ApiError('Busy', 'An import is running in this case; train once it has finished.'));
      if (!hasEvents(db)) return Promise.reject(new ApiError('ValidationError', 'The case has no events to learn from: import a log first.'));
      const current = new AbortController();
      controller = current;
      active = { startedAt: Date.now(), options: training, progress: null, losses: [] };
      const result = run(training, current.signal).finally(() => {
        active = null;
        controller = null;
        options.changed();
      });
      done = result.catch(() => undefined);
      return result;
    },
    cancel() {
      const running = controller !== null;
      controller?.abort();
      return { cancelled: running };
    },
    active: () => (active ? { ...active, losses: [...active.losses] } : null),
    async dispose() {
      controller?.abort();
      await done;
    },
  };
}
