import { useEffect, useState } from 'react';
import { useAppState } from '../app-state';
import { useClient } from '../client/context';
import { Panel, ViewHeader } from '../components/panel';
import { EmptyState, ErrorMessage, Loading } from '../components/states';
import { useAsync } from '../hooks/use-async';
import { DatasetPanel } from './training/dataset-panel';
import { RunMetrics } from './training/run-metrics';
import { RunsTable } from './training/runs-table';
import { TrainingForm } from './training/training-form';
import { TrainingProgressView } from './training/training-progress';
import { useTraining } from './training/use-training';

/** Train the models with chosen parameters, follow the training live, then measure the run. */
export function TrainingView() {
  const client = useClient();
  const { settings, dataVersion } = useAppState();
  const status = useAsync(() => client.trainingStatus(), [dataVersion]);
  const training = useTraining(status.data?.active ?? null);
  const [selected, setSelected] = useState<number | null>(null);
  const now = useClock(training.active !== null);
  const zone = settings.displayTimeZone;
  const data = status.data;
  const shownRun = selected ?? data?.latestRunId ?? null;
  const disabledReason = data && data.dataset.events === 0 ? 'Import events before training: the case is empty.' : null;

  return (
    <div className="view">
      <ViewHeader title="Training" subtitle="Learn each user's normal behaviour from the case, then score every login." />
      {status.error && <ErrorMessage error={status.error} onRetry={status.reload} />}
      {!data && status.loading && <Loading label="Summarising the dataset…" />}
      {data && <DatasetPanel dataset={data.dataset} zone={zone} />}
      {data && (
        <Panel title="Train">
          <TrainingForm
            defaults={data.defaults}
            running={training.active !== null}
            disabledReason={disabledReason}
            onTrain={(options) => {
              setSelected(null);
              training.start(options);
            }}
            onStop={training.stop}
          />
          {training.active && <TrainingProgressView training={training.active} now={now} />}
          {training.error && <ErrorMessage error={training.error} />}
          {!training.active && training.finished && (
            <p role="status" className={training.finished.status === 'complete' ? 'saved' : 'notice'}>
              {training.finished.status === 'complete'
                ? `Training finished: run #${training.finished.id} scored ${training.finished.events?.toLocaleString('en-US') ?? '?'} events.`
                : `Run #${training.finished.id} did not finish: ${training.finished.error ?? 'stopped'}.`}
            </p>
          )}
        </Panel>
      )}
      {data && (
        <Panel title="Runs">
          {data.runs.length === 0 ? (
            <EmptyState title="No model trained for this case yet">Choose the models above and press Train; each run and its seed is listed here.</EmptyState>
          ) : (
            <RunsTable runs={data.runs} latestRunId={data.latestRunId} selected={shownRun} zone={zone} onSelect={setSelected} />
          )}
        </Panel>
      )}
      {shownRun !== null && <RunMetrics key={shownRun} runId={shownRun} />}
    </div>
  );
}

/** The time now, ticking every second while `running` (for the elapsed time of a training). */
function useClock(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}
