import { useState } from 'react';
import { modelKinds, type ModelKind } from '../../../src-shared/api';
import { useAppState } from '../app-state';
import { useClient } from '../client/context';
import { DataTable } from '../components/data-table';
import { Panel, Stat, ViewHeader } from '../components/panel';
import { EmptyState, ErrorMessage, Loading } from '../components/states';
import { formatCount, formatDuration, formatPercent, formatTime } from '../format';
import { useAsync } from '../hooks/use-async';

const kindNames: Record<ModelKind, string> = {
  ensemble: 'Ensemble (rules + all models)',
  freeman: 'Statistical risk (Freeman et al.)',
  'isolation-forest': 'Isolation Forest',
  autoencoder: 'Autoencoder',
};

/** What the models would learn from, the models trained so far, and training itself when available. */
export function TrainingView() {
  const client = useClient();
  const { caseInfo, settings, dataVersion } = useAppState();
  const status = useAsync(() => client.trainingStatus(), [dataVersion]);
  const [kind, setKind] = useState<ModelKind>('ensemble');
  const [seed, setSeed] = useState('1');
  const detection = caseInfo.capabilities.detection;
  const zone = settings.displayTimeZone;
  const dataset = status.data?.dataset;
  const empty = dataset?.events === 0;
  const disabledReason = !detection.available ? detection.reason : empty ? 'Import events before training.' : null;

  return (
    <div className="view">
      <ViewHeader title="Training" subtitle="Learn each user's normal behaviour from the case, then score every login." />
      {status.error && <ErrorMessage error={status.error} onRetry={status.reload} />}
      {!status.data && status.loading && <Loading label="Summarising the dataset…" />}
      {dataset && (
        <Panel title="Dataset">
          <div className="stats">
            <Stat label="Events" value={formatCount(dataset.events)} />
            <Stat label="Users" value={formatCount(dataset.users)} />
            <Stat label="Time span" value={dataset.from !== null && dataset.to !== null ? formatDuration(dataset.to - dataset.from) : '—'} detail={dataset.from !== null && dataset.to !== null ? <span className="mono">{`${formatTime(dataset.from, zone).slice(0, 10)} → ${formatTime(dataset.to, zone).slice(0, 10)}`}</span> : null} />
            <Stat label="With ground truth" value={formatCount(dataset.events - dataset.unlabelled)} detail={formatPercent(dataset.events - dataset.unlabelled, dataset.events)} />
          </div>
          {dataset.labels.length > 0 ? (
            <>
              <p className="muted small">Labels found in the data are used only to measure the models, never as their input.</p>
              <DataTable
                rows={dataset.labels}
                rowKey={(row) => row.label}
                columns={[
                  { header: 'Ground-truth label', cell: (row) => row.label },
                  { header: 'Events', kind: 'number', cell: (row) => formatCount(row.count) },
                  { header: 'Share', kind: 'number', cell: (row) => formatPercent(row.count, dataset.events) },
                ]}
              />
            </>
          ) : (
            <p className="muted small">No ground-truth labels in this data: models can be trained, but their precision cannot be measured here.</p>
          )}
        </Panel>
      )}
      <Panel title="Train a model">
        <form className="import-form" onSubmit={(event) => event.preventDefault()} aria-label="Train a model">
          <label className="field">
            <span>Model</span>
            <select value={kind} onChange={(event) => setKind(event.target.value as ModelKind)} disabled={disabledReason !== null}>
              {modelKinds.map((name) => (
                <option key={name} value={name}>
                  {kindNames[name]}
                </option>
              ))}
            </select>
          </label>
          <label className="field field-narrow">
            <span>Seed</span>
            <input inputMode="numeric" value={seed} onChange={(event) => setSeed(event.target.value)} disabled={disabledReason !== null} />
          </label>
          <button type="submit" className="button-primary" disabled={disabledReason !== null} aria-describedby="train-disabled-reason">
            Train
          </button>
        </form>
        {disabledReason && (
          <p id="train-disabled-reason" className="notice">
            {disabledReason}
          </p>
        )}
      </Panel>
      <Panel title="Models">
        {status.data && status.data.runs.length === 0 && <EmptyState title="No models trained for this case">Trained models, their seeds and their metrics will be listed here.</EmptyState>}
      </Panel>
    </div>
  );
}
