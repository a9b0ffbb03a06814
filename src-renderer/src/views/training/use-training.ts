import { useEffect, useState } from 'react';
import { fromErrorShape, type ActiveTraining, type ApiError, type ModelRun, type TrainingOptions } from '../../../../src-shared/api';
import { useClient } from '../../client/context';
import { useVigilEvent } from '../../hooks/use-vigil-event';

/** A training under way as this view follows it; options are null for one started elsewhere before this view opened. */
export type FollowedTraining = Omit<ActiveTraining, 'options'> & { options: TrainingOptions | null };

/** A training as this view follows it: under way, or how the last one ended. */
export interface TrainingState {
  active: FollowedTraining | null;
  /** The run the last training produced (complete, or failed when stopped). */
  finished: ModelRun | null;
  error: ApiError | null;
  start(options: TrainingOptions): void;
  stop(): void;
}

/**
 * Follow training through pushed events, so a training started in another window, or before this view
 * opened (`initial`, from trainingStatus), shows its progress too.
 */
export function useTraining(initial: ActiveTraining | null): TrainingState {
  const client = useClient();
  const [active, setActive] = useState<FollowedTraining | null>(initial);
  const [finished, setFinished] = useState<ModelRun | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  // The status loads after the first render: adopt a training it reports as under way.
  useEffect(() => {
    if (initial) setActive((current) => current ?? initial);
  }, [initial]);

  useVigilEvent((event) => {
    if (event.type === 'trainingProgress') {
      setActive((current) => {
        const base: FollowedTraining = current ?? { startedAt: Date.now(), options: null, progress: null, losses: [] };
        const losses = [...base.losses];
        if (event.progress.phase === 'autoencoder' && event.progress.loss !== undefined) losses[event.progress.done - 1] = event.progress.loss;
        return { ...base, progress: event.progress, losses };
      });
    }
    if (event.type === 'trainingFinished') {
      setActive(null);
      setFinished(event.run);
      setError(event.error ? fromErrorShape(event.error) : null);
    }
  });

  return {
    active,
    finished,
    error,
    start(options) {
      setError(null);
      setFinished(null);
      setActive({ startedAt: Date.now(), options, progress: null, losses: [] });
      client.trainModels(options).then(
        (run) => {
          setActive(null);
          setFinished(run);
        },
        (reason: ApiError) => {
          setActive(null);
          setError(reason);
        },
      );
    },
    stop() {
      void client.cancelTraining();
    },
  };
}
