import { useAppState } from '../app-state';
import { useClient } from '../client/context';
import { DataTable } from '../components/data-table';
import { HourOfWeekHeatmap } from '../components/heatmap';
import { Panel, Stat } from '../components/panel';
import { PlaceMap } from '../components/place-map';
import { EmptyState, ErrorMessage, Loading } from '../components/states';
import { VirtualTable } from '../components/virtual-table';
import { formatCount, formatPercent, formatTime, orDash } from '../format';
import { useAsync } from '../hooks/use-async';
import { routeHref } from '../hooks/use-route';
import { anyScored, eventColumns } from './event-columns';

/** One user's profile: volumes, hour-of-week habit, devices, countries, networks, places and newest logins. */
export function UserProfileView({ user }: { user: string }) {
  const client = useClient();
  const { settings, dataVersion } = useAppState();
  const profile = useAsync(() => client.userProfile(user), [user, dataVersion]);
  const zone = settings.displayTimeZone;
  if (profile.error) return <ErrorMessage error={profile.error} onRetry={profile.reload} />;
  if (!profile.data) return <Loading label={`Loading ${user}…`} />;
  const data = profile.data;
  const when = (time: number): string => formatTime(time, zone).slice(0, 16);

  return (
    <div className="profile">
      <div className="profile-head">
        <h2>{data.user}</h2>
        <span className="muted">
          first seen <span className="mono">{when(data.firstTime)}</span>, last seen <span className="mono">{when(data.lastTime)}</span> ({zone === 'UTC' ? 'UTC' : 'local time'})
        </span>
        <a href={routeHref('events', { user: data.user })}>All events of this user →</a>
      </div>
      <div className="stats">
        <Stat label="Events" value={formatCount(data.events)} />
        <Stat label="Failed" value={formatCount(data.failures)} detail={formatPercent(data.failures, data.events)} />
        <Stat label="Countries" value={formatCount(data.countries.length)} />
        <Stat label="Networks" value={formatCount(data.networks.length)} />
        <Stat label="Devices" value={formatCount(data.devices.length)} />
      </div>
      <div className="grid-2">
        <Panel title="Hour of week">
          <HourOfWeekHeatmap counts={data.hourOfWeek} zoneLabel="UTC" />
        </Panel>
        <Panel title="Login places">
          {data.places.length === 0 ? (
            <EmptyState title="No coordinates">This user's events carry no latitude and longitude.</EmptyState>
          ) : (
            <PlaceMap places={data.places} logins={data.recent} />
          )}
        </Panel>
      </div>
      <div className="grid-3">
        <Panel title="Devices">
          <DataTable
            rows={data.devices}
            rowKey={(row, index) => index}
            columns={[
              { header: 'Browser · OS', cell: (row) => orDash([row.browser, row.os].filter(Boolean).join(' · ')) },
              { header: 'Type', cell: (row) => orDash(row.deviceType) },
              { header: 'Events', kind: 'number', cell: (row) => formatCount(row.events) },
            ]}
          />
        </Panel>
        <Panel title="Countries">
          <DataTable
            rows={data.countries}
            rowKey={(row) => row.country ?? '?'}
            columns={[
              { header: 'Country', cell: (row) => orDash(row.country) },
              { header: 'Events', kind: 'number', cell: (row) => formatCount(row.events) },
              { header: 'Failed', kind: 'number', cell: (row) => formatCount(row.failures) },
              { header: 'Last', kind: 'mono', cell: (row) => when(row.lastTime).slice(0, 10) },
            ]}
          />
        </Panel>
        <Panel title="Networks">
          <DataTable
            rows={data.networks}
            rowKey={(row) => row.network ?? '?'}
            columns={[
              { header: 'Network', kind: 'mono', cell: (row) => (row.network ? <a href={routeHref('events', { user: data.user, ip: row.network })}>{row.network}</a> : '—') },
              { header: 'ASN', kind: 'number', cell: (row) => orDash(row.asn) },
              { header: 'Events', kind: 'number', cell: (row) => formatCount(row.events) },
              { header: 'Failed', kind: 'number', cell: (row) => formatCount(row.failures) },
            ]}
          />
        </Panel>
      </div>
      <Panel title={`Newest logins (${formatCount(Math.min(data.recent.length, data.recentLimit))} of ${formatCount(data.events)})`} className="profile-recent">
        <VirtualTable label={`Newest logins of ${data.user}`} columns={eventColumns(zone, { scored: anyScored(data.recent), user: false })} rows={data.recent} rowKey={(row) => row.id} />
      </Panel>
    </div>
  );
}
