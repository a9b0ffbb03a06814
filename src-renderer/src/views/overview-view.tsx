import { useAppState } from '../app-state';
import { useClient } from '../client/context';
import { DataTable } from '../components/data-table';
import { Panel, Stat, ViewHeader } from '../components/panel';
import { EmptyState, ErrorMessage, Loading } from '../components/states';
import { formatBytes, formatCount, formatDuration, formatPercent, formatTime } from '../format';
import { useAsync } from '../hooks/use-async';
import { routeHref } from '../hooks/use-route';
import { ImportPanel } from './import-panel';
import { RiskOverviewPanel } from './risk-overview-panel';
import { SourcesPanel } from './sources-panel';

/** The case at a glance: import, volumes, time span, alerts and risky users and addresses, failures, countries, sources. */
export function OverviewView() {
  const client = useClient();
  const { caseInfo, settings, dataVersion } = useAppState();
  const overview = useAsync(() => client.overview(), [dataVersion]);
  const zone = settings.displayTimeZone;
  const data = overview.data;

  return (
    <div className="view">
      <ViewHeader
        title="Overview"
        subtitle={
          <>
            <span className="mono">{caseInfo.path}</span> · schema v{caseInfo.schemaVersion} · {formatBytes(caseInfo.sizeBytes)}
          </>
        }
      />
      <ImportPanel />
      {overview.error && <ErrorMessage error={overview.error} onRetry={overview.reload} />}
      {!data && overview.loading && <Loading label="Summarising the case…" />}
      {data && data.events === 0 && (
        <EmptyState title="This case has no events yet">
          Import a log file above: RBA dataset CSV, generic CSV or JSON lines, Linux auth.log, syslog, or a systemd journal export (gzip is read
          directly).
        </EmptyState>
      )}
      {data && data.events > 0 && (
        <>
          <div className="stats" aria-label="Case summary">
            <Stat label="Events" value={formatCount(data.events)} />
            <Stat label="Users" value={formatCount(data.users)} />
            <Stat label="Distinct IPs" value={formatCount(data.distinctIps)} />
            <Stat label="Sources" value={formatCount(data.sources)} />
            <Stat label="Successful" value={formatCount(data.successes)} detail={formatPercent(data.successes, data.events)} />
            <Stat label="Failed" value={formatCount(data.failures)} detail={formatPercent(data.failures, data.events)} />
            <Stat
              label={`Time span (${zone === 'UTC' ? 'UTC' : 'local'})`}
              value={data.from !== null && data.to !== null ? formatDuration(data.to - data.from) : '—'}
              detail={data.from !== null && data.to !== null ? <span className="mono">{`${formatTime(data.from, zone)} → ${formatTime(data.to, zone)}`}</span> : null}
            />
          </div>
          <RiskOverviewPanel />
          <div className="grid-3">
            <Panel title="Top users by failed logins">
              {data.topUsersByFailures.length === 0 ? (
                <EmptyState title="No failed logins" />
              ) : (
                <DataTable
                  rows={data.topUsersByFailures}
                  rowKey={(row) => row.user}
                  columns={[
                    { header: 'User', cell: (row) => <a href={routeHref('events', { user: row.user, outcome: 'failure' })}>{row.user}</a> },
                    { header: 'Failed', kind: 'number', cell: (row) => formatCount(row.failures) },
                    { header: 'Of all', kind: 'number', cell: (row) => formatPercent(row.failures, row.events) },
                  ]}
                />
              )}
            </Panel>
            <Panel title="Top IPs by failed logins">
              {data.topIpsByFailures.length === 0 ? (
                <EmptyState title="No failed logins" />
              ) : (
                <DataTable
                  rows={data.topIpsByFailures}
                  rowKey={(row) => row.ip}
                  columns={[
                    { header: 'IP', kind: 'mono', cell: (row) => <a href={routeHref('events', { ip: row.ip })}>{row.ip}</a> },
                    { header: 'Failed', kind: 'number', cell: (row) => formatCount(row.failures) },
                    { header: 'Users tried', kind: 'number', cell: (row) => formatCount(row.users) },
                  ]}
                />
              )}
            </Panel>
            <Panel title="Countries">
              <div className="scroll-box">
                <DataTable
                  rows={data.countries}
                  rowKey={(row) => row.country ?? '(unknown)'}
                  columns={[
                    { header: 'Country', cell: (row) => (row.country ? <a href={routeHref('events', { country: row.country })}>{row.country}</a> : <span className="muted">unknown</span>) },
                    { header: 'Events', kind: 'number', cell: (row) => formatCount(row.events) },
                    { header: 'Failed', kind: 'number', cell: (row) => formatCount(row.failures) },
                    { header: 'Share', kind: 'number', cell: (row) => formatPercent(row.events, data.events) },
                  ]}
                />
              </div>
            </Panel>
          </div>
        </>
      )}
      <SourcesPanel />
    </div>
  );
}
