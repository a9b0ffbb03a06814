import type { DatasetSummary } from '../../../../src-shared/api';
import { DataTable } from '../../components/data-table';
import { Panel, Stat } from '../../components/panel';
import { formatCount, formatDuration, formatPercent, formatTime, type DisplayZone } from '../../format';

/** What the models learn from: volume, span, and the ground-truth labels used only to measure them. */
export function DatasetPanel({ dataset, zone }: { dataset: DatasetSummary; zone: DisplayZone }) {
  const span = dataset.from !== null && dataset.to !== null ? { from: dataset.from, to: dataset.to } : null;
  return (
    <Panel title="Dataset">
      <div className="stats">
        <Stat label="Events" value={formatCount(dataset.events)} />
        <Stat label="Users" value={formatCount(dataset.users)} />
        <Stat label="Time span" value={span ? formatDuration(span.to - span.from) : '—'} detail={span ? <span className="mono">{`${formatTime(span.from, zone).slice(0, 10)} → ${formatTime(span.to, zone).slice(0, 10)}`}</span> : null} />
        <Stat label="With ground truth" value={formatCount(dataset.events - dataset.unlabelled)} detail={formatPercent(dataset.events - dataset.unlabelled, dataset.events)} />
      </div>
      {dataset.labels.length > 0 ? (
        <details className="labels">
          <summary>Ground-truth labels ({dataset.labels.length}): used only to measure the models, never as their input</summary>
          <DataTable
            rows={dataset.labels}
            rowKey={(row) => row.label}
            columns={[
              { header: 'Ground-truth label', cell: (row) => row.label },
              { header: 'Events', kind: 'number', cell: (row) => formatCount(row.count) },
              { header: 'Share', kind: 'number', cell: (row) => formatPercent(row.count, dataset.events) },
            ]}
          />
        </details>
      ) : (
        <p className="muted small">No ground-truth labels in this data: models can be trained, but their precision cannot be measured here.</p>
      )}
    </Panel>
  );
}
