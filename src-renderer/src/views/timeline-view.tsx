import { useState } from 'react';
import { bucketSizes, type TimelineBucket } from '../../../src-shared/api';
import { useAppState } from '../app-state';
import { useClient } from '../client/context';
import { RiskLegend } from '../components/badges';
import { Panel, ViewHeader } from '../components/panel';
import { EmptyState, ErrorMessage, Loading } from '../components/states';
import { TimelineChart } from '../components/timeline-chart';
import { formatCount, formatDuration, formatTime } from '../format';
import { useAsync } from '../hooks/use-async';
import { navigate, routeHref, useRoute } from '../hooks/use-route';
import { BucketEvents } from './bucket-events';

const buckets: TimelineBucket[] = ['auto', ...(Object.keys(bucketSizes) as TimelineBucket[])];

/** Logins, failures and alerts over time; drag to zoom into a range, click a bar to list its events. */
export function TimelineView() {
  const client = useClient();
  const { settings, dataVersion } = useAppState();
  const route = useRoute();
  const from = numberParam(route.params.get('from'));
  const to = numberParam(route.params.get('to'));
  const bucket = (buckets as string[]).includes(route.params.get('bucket') ?? '') ? (route.params.get('bucket') as TimelineBucket) : 'auto';
  const range = from !== null || to !== null ? { from, to } : null;
  const timeline = useAsync(() => client.timeline(range, bucket), [from, to, bucket, dataVersion]);
  const [selected, setSelected] = useState<{ from: number; to: number } | null>(null);
  const zone = settings.displayTimeZone;
  const data = timeline.data;
  const totals = data?.points.reduce((sum, point) => ({ events: sum.events + point.events, failures: sum.failures + point.failures }), { events: 0, failures: 0 });
  const alerts = data?.risk?.points.reduce((sum, point) => sum + point.alerts, 0) ?? null;

  const go = (next: { from?: number | null; to?: number | null; bucket?: TimelineBucket }): void => {
    setSelected(null);
    navigate('timeline', { from: next.from === undefined ? from : next.from, to: next.to === undefined ? to : next.to, bucket: (next.bucket ?? bucket) === 'auto' ? null : next.bucket ?? bucket });
  };

  return (
    <div className="view">
      <ViewHeader
        title="Timeline"
        subtitle={
          data && data.from !== null && data.to !== null ? (
            <span className="mono">{`${formatTime(data.from, zone)} → ${formatTime(data.to, zone)} (${formatDuration(data.to - data.from)})`}</span>
          ) : (
            'Logins over time'
          )
        }
        actions={
          <>
            <label className="field field-inline">
              <span>Bucket</span>
              <select value={bucket} onChange={(event) => go({ bucket: event.target.value as TimelineBucket })}>
                {buckets.map((name) => (
                  <option key={name} value={name}>
                    {name === 'auto' ? `Automatic${data && bucket === 'auto' ? ` (${data.bucket})` : ''}` : name}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button-secondary" disabled={range === null} onClick={() => go({ from: null, to: null })}>
              Reset zoom
            </button>
          </>
        }
      />
      {timeline.error && <ErrorMessage error={timeline.error} onRetry={timeline.reload} />}
      {!data && timeline.loading && <Loading label="Counting logins per bucket…" />}
      {data && data.points.length === 0 && <EmptyState title="No events in this range">Import logs from the Overview, or reset the zoom.</EmptyState>}
      {data && data.points.length > 0 && totals && (
        <Panel
          busy={timeline.loading}
          title={`Logins per ${data.bucket}`}
          actions={
            <span className="muted small">
              {formatCount(totals.events)} logins, {formatCount(totals.failures)} failed
              {alerts === null ? ' · not scored yet' : <>, <a href={routeHref('alerts')}>{formatCount(alerts)} alerts</a></>} · drag across the chart to zoom, click a bar for its events
            </span>
          }
        >
          <TimelineChart timeline={data} zone={zone} onZoom={(start, end) => go({ from: start, to: end })} onSelectBucket={(start, end) => setSelected({ from: start, to: end })} />
          {data.risk && (
            <div className="chart-note">
              <span className="muted small">Markers: alerts per bucket (right axis), coloured by the worst alert's level</span>
              <RiskLegend />
            </div>
          )}
        </Panel>
      )}
      {selected && (
        <Panel
          title={`Events from ${formatTime(selected.from, zone)} to ${formatTime(selected.to, zone)}`}
          actions={<a href={routeHref('events', { from: selected.from, to: selected.to, sort: 'asc' })}>Open in Events →</a>}
        >
          <BucketEvents range={selected} />
        </Panel>
      )}
    </div>
  );
}

function numberParam(value: string | null): number | null {
  return value !== null && /^-?\d+$/.test(value) ? Number(value) : null;
}
