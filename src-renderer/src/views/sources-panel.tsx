import { useState } from 'react';
import type { SourceInfo } from '../../../src-shared/api';
import { useAppState } from '../app-state';
import { useClient } from '../client/context';
import { DataTable } from '../components/data-table';
import { Panel } from '../components/panel';
import { EmptyState, ErrorMessage, Loading } from '../components/states';
import { formatCount, formatTime } from '../format';
import { useAsync } from '../hooks/use-async';
import { RejectsList } from './rejects-list';

/** The imported files, each with every line accounted for, and their rejected lines on demand. */
export function SourcesPanel() {
  const client = useClient();
  const { dataVersion, settings } = useAppState();
  const sources = useAsync(() => client.listSources(), [dataVersion]);
  const [open, setOpen] = useState<SourceInfo | null>(null);

  return (
    <Panel title="Sources">
      {sources.error && <ErrorMessage error={sources.error} onRetry={sources.reload} />}
      {!sources.data && sources.loading && <Loading />}
      {sources.data && sources.data.length === 0 && <EmptyState title="No sources yet">Each imported file appears here with its line counts.</EmptyState>}
      {sources.data && sources.data.length > 0 && (
        <DataTable
          rows={sources.data}
          rowKey={(row) => row.id}
          columns={[
            { header: '#', kind: 'number', cell: (row) => row.id },
            { header: 'File', kind: 'mono', cell: (row) => <span title={row.sha256 ? `sha256 ${row.sha256}` : undefined}>{row.name}</span> },
            { header: 'Format', cell: (row) => row.format },
            { header: 'Status', cell: (row) => <span className={`status status-${row.status}`}>{row.status}</span> },
            { header: 'Lines', kind: 'number', cell: (row) => formatCount(row.linesRead) },
            { header: 'Imported', kind: 'number', cell: (row) => formatCount(row.eventsImported) },
            { header: 'Duplicates', kind: 'number', cell: (row) => formatCount(row.duplicates) },
            {
              header: 'Rejected',
              kind: 'number',
              cell: (row) =>
                row.rejected > 0 ? (
                  <button type="button" className="link-button" onClick={() => setOpen(open?.id === row.id ? null : row)}>
                    {formatCount(row.rejected)}
                  </button>
                ) : (
                  '0'
                ),
            },
            { header: 'Not logins', kind: 'number', cell: (row) => formatCount(row.ignored) },
            { header: 'Zone', cell: (row) => row.timeZone },
            { header: 'Finished', kind: 'mono', cell: (row) => (row.finishedAt ? formatTime(row.finishedAt, settings.displayTimeZone) : '—') },
          ]}
        />
      )}
      {open && <RejectsList source={open} onClose={() => setOpen(null)} />}
    </Panel>
  );
}
