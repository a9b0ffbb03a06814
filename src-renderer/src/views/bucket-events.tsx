import { useAppState } from '../app-state';
import { useClient } from '../client/context';
import { EmptyState, ErrorMessage, Loading } from '../components/states';
import { VirtualTable } from '../components/virtual-table';
import { formatCount } from '../format';
import { useAsync } from '../hooks/use-async';
import { anyScored, eventColumns } from './event-columns';

/** Events shown for a clicked bucket; more are one click away in the Events view. */
const bucketLimit = 500;

/** The events of one timeline bucket, oldest first. */
export function BucketEvents({ range }: { range: { from: number; to: number } }) {
  const client = useClient();
  const { settings } = useAppState();
  const page = useAsync(() => client.queryEvents({ from: range.from, to: range.to, sort: 'asc' }, { after: null, limit: bucketLimit }), [range.from, range.to]);
  if (page.error) return <ErrorMessage error={page.error} onRetry={page.reload} />;
  if (!page.data) return <Loading />;
  if (page.data.rows.length === 0) return <EmptyState title="No events in this bucket" />;
  return (
    <div className="bucket-events">
      {page.data.nextCursor && (
        <p className="muted small">
          First {formatCount(page.data.rows.length)} of {page.data.total?.exact ? '' : 'at least '}
          {formatCount(page.data.total?.count ?? 0)}.
        </p>
      )}
      <VirtualTable label="Events in the selected bucket" columns={eventColumns(settings.displayTimeZone, { scored: anyScored(page.data.rows) })} rows={page.data.rows} rowKey={(row) => row.id} />
    </div>
  );
}
