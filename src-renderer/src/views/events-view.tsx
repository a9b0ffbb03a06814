import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, EventFilter, EventPage, EventRow } from '../../../src-shared/api';
import { useAppState } from '../app-state';
import { useClient } from '../client/context';
import { ViewHeader } from '../components/panel';
import { EmptyState, ErrorMessage, Loading } from '../components/states';
import { VirtualTable } from '../components/virtual-table';
import { formatCount } from '../format';
import { navigate, useRoute } from '../hooks/use-route';
import { EventDetailPanel } from './event-detail';
import { anyScored, eventColumns } from './event-columns';
import { EventFilters } from './event-filters';
import { filterFromParams, filterToParams, isFiltered } from './event-filter-params';

const pageSize = 200;

/** Loaded pages of the current filter. */
interface Pages {
  rows: EventRow[];
  nextCursor: string | null;
  total: EventPage['total'];
}

/** Every event, filtered and keyset-paged as the user scrolls; a row opens its detail with the raw line. */
export function EventsView() {
  const client = useClient();
  const { settings, dataVersion } = useAppState();
  const route = useRoute();
  const filter = filterFromParams(route.params);
  const filterKey = JSON.stringify(filter);
  const [pages, setPages] = useState<Pages | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  // The filter a request was made for: answers to an older filter are dropped.
  const generation = useRef(0);

  const load = useCallback(
    (after: string | null, previous: Pages | null) => {
      const current = generation.current;
      setLoading(true);
      client
        .queryEvents(JSON.parse(filterKey) as EventFilter, { after, limit: pageSize })
        .then((page) => {
          if (current !== generation.current) return;
          setPages({ rows: [...(previous?.rows ?? []), ...page.rows], nextCursor: page.nextCursor, total: page.total ?? previous?.total ?? null });
          setError(null);
        })
        .catch((reason: ApiError) => current === generation.current && setError(reason))
        .finally(() => current === generation.current && setLoading(false));
    },
    [client, filterKey],
  );

  useEffect(() => {
    generation.current++;
    setPages(null);
    setSelected(null);
    load(null, null);
  }, [load, dataVersion]);

  const loadMore = useCallback(() => {
    if (pages?.nextCursor && !loading && !error) load(pages.nextCursor, pages);
  }, [pages, loading, error, load]);

  const total = pages?.total;
  const subtitle = !pages
    ? 'Loading…'
    : pages.rows.length === 0
      ? 'No matching events'
      : `${formatCount(pages.rows.length)} shown of ${total ? `${total.exact ? '' : 'at least '}${formatCount(total.count)}` : '…'} matching events`;
  return (
    <div className="view view-fill">
      <ViewHeader title="Events" subtitle={subtitle} />
      <EventFilters key={filterKey} filter={filter} zone={settings.displayTimeZone} onApply={(next) => navigate('events', filterToParams(next))} />
      {error && <ErrorMessage error={error} onRetry={() => load(pages?.nextCursor ?? null, pages)} />}
      <div className="events-layout">
        {pages && pages.rows.length === 0 ? (
          <EmptyState title={isFiltered(filter) ? 'No events match these filters' : 'This case has no events yet'}>
            {isFiltered(filter) ? 'Widen the time range or clear a filter.' : 'Import a log file from the Overview.'}
          </EmptyState>
        ) : !pages ? (
          !error && <Loading label="Querying events…" />
        ) : (
          <VirtualTable
            label="Events"
            columns={eventColumns(settings.displayTimeZone, { scored: anyScored(pages.rows) })}
            rows={pages.rows}
            rowKey={(row) => row.id}
            selectedKey={selected}
            onRowClick={(row) => setSelected(row.id)}
            onEndReached={loadMore}
            footer={
              loading ? (
                <Loading label="Loading more…" />
              ) : pages.nextCursor ? (
                <button type="button" className="button-secondary" onClick={loadMore}>
                  Load more
                </button>
              ) : (
                <span className="muted">End of results</span>
              )
            }
          />
        )}
        {selected !== null && <EventDetailPanel id={selected} onClose={() => setSelected(null)} />}
      </div>
    </div>
  );
}
