import type { ModelChoice, ModelRun } from '../../../../src-shared/api';
import { DataTable } from '../../components/data-table';
import { formatCount, formatTime, type DisplayZone } from '../../format';

/** "rules, statistical, forest 100 trees, autoencoder 8 epochs". */
export function describeModels(models: ModelChoice | null): string {
  if (!models) return 'not recorded';
  const parts = ['rules'];
  if (models.freeman) parts.push('statistical');
  if (models.forest) parts.push(`forest ${models.forest.trees} trees`);
  if (models.autoencoder) parts.push(`autoencoder ${models.autoencoder.epochs} epochs`);
  return parts.join(', ');
}

/** Every run, newest first; a complete run can be selected to show its quality. */
export function RunsTable({ runs, latestRunId, selected, zone, onSelect }: { runs: ModelRun[]; latestRunId: number | null; selected: number | null; zone: DisplayZone; onSelect(id: number): void }) {
  return (
    <DataTable
      caption="Model runs"
      rows={runs}
      rowKey={(run) => run.id}
      onRowClick={(run) => run.status === 'complete' && onSelect(run.id)}
      columns={[
        { header: 'Run', cell: (run) => (run.id === selected ? <strong>#{run.id} (shown)</strong> : `#${run.id}`) },
        { header: 'Status', cell: (run) => (run.status === 'failed' ? <span className="bad">failed: {run.error}</span> : run.id === latestRunId ? `${run.status}, scores in use` : run.status) },
        { header: 'Models', cell: (run) => describeModels(run.models) },
        { header: 'Seed', kind: 'number', cell: (run) => run.seed },
        { header: 'Events', kind: 'number', cell: (run) => (run.events === null ? '—' : formatCount(run.events)) },
        { header: 'Compute time', kind: 'number', cell: (run) => `${Object.values(run.seconds).reduce((sum, seconds) => sum + seconds, 0).toFixed(1)} s` },
        { header: `Started (${zone === 'UTC' ? 'UTC' : 'local'})`, kind: 'mono', cell: (run) => formatTime(run.startedAt, zone) },
      ]}
    />
  );
}
