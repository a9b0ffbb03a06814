import { alertStatuses, riskLevels } from '../../../src-shared/api';
import { useAppState } from '../app-state';
import { useClient } from '../client/context';
import { RiskBadge } from '../components/badges';
import { DataTable } from '../components/data-table';
import { Panel, Stat } from '../components/panel';
import { EmptyState, ErrorMessage, Loading } from '../components/states';
import { formatCount, formatPercent, formatRisk, formatTime } from '../format';
import { useAsync } from '../hooks/use-async';
import { routeHref } from '../hooks/use-route';
import { statusNames } from './alerts/incident-table';

/** The newest run's alerts at a glance: by level and triage status, and the riskiest users and addresses. */
export function RiskOverviewPanel() {
  const client = useClient();
  const { settings, dataVersion } = useAppState();
  const overview = useAsync(() => client.riskOverview(), [dataVersion, settings.challengeThreshold]);
  const data = overview.data;
  const scored = data ? riskLevels.reduce((sum, level) => sum + data.levels[level], 0) : 0;
  const alerts = data ? riskLevels.reduce((sum, level) => sum + data.alertsByLevel[level], 0) : 0;

  if (overview.error) return <ErrorMessage error={overview.error} onRetry={overview.reload} />;
  if (overview.loading && !data) return <Loading label="Counting alerts…" />;
  if (!data) {
    return (
      <Panel title="Risk">
        <EmptyState title="Not scored yet">
          No model has scored this case. <a href={routeHref('training')}>Train on the Training view</a> to get a risk for every login and alerts for the risky ones.
        </EmptyState>
      </Panel>
    );
  }
  return (
    <Panel
      title={`Risk by run #${data.runId}`}
      actions={<span className="muted small">{data.finishedAt ? `trained ${formatTime(data.finishedAt, settings.displayTimeZone)}` : ''}</span>}
    >
      <div className="stats" aria-label="Alerts by level">
        <Stat label={`Alerts (risk ≥ ${data.threshold})`} value={<a href={routeHref('alerts')}>{formatCount(alerts)}</a>} detail={`${formatPercent(alerts, scored)} of ${formatCount(scored)} scored logins`} />
        {[...riskLevels]
          .reverse()
          // Low logins alert only when the threshold sits below where medium starts.
          .filter((level) => level !== 'low' || data.alertsByLevel.low > 0)
          .map((level) => (
            <Stat key={level} label={`${level} alerts`} value={formatCount(data.alertsByLevel[level])} detail={<>of {formatCount(data.levels[level])} <RiskBadge level={level} /> logins</>} />
          ))}
        <Stat label="Below the threshold" value={formatCount(scored - alerts)} detail={<a href={routeHref('events', { risk: 'low' })}>all scored logins →</a>} />
      </div>
      <p className="incident-counts" aria-label="Incidents by status">
        Incidents:{' '}
        {alertStatuses.map((status, index) => (
          <span key={status}>
            {index > 0 && ' · '}
            <a href={routeHref('alerts', { status })}>
              {statusNames[status]} {formatCount(data.incidentsByStatus[status])}
            </a>
          </span>
        ))}
      </p>
      <div className="grid-2">
        <section aria-labelledby="risky-users">
          <h3 id="risky-users">Users with the most alerts</h3>
          {data.topUsers.length === 0 ? (
            <p className="muted small">No alerts.</p>
          ) : (
            <DataTable
              caption="Users with the most alerts"
              rows={data.topUsers}
              rowKey={(row) => row.user}
              columns={[
                { header: 'User', cell: (row) => <a href={routeHref('events', { user: row.user, risk: 'medium' })}>{row.user}</a> },
                { header: 'Alerts', kind: 'number', cell: (row) => formatCount(row.alerts) },
                { header: 'Worst risk', kind: 'number', cell: (row) => formatRisk(row.maxRisk) },
              ]}
            />
          )}
        </section>
        <section aria-labelledby="risky-ips">
          <h3 id="risky-ips">Addresses with the most alerts</h3>
          {data.topIps.length === 0 ? (
            <p className="muted small">No alerts.</p>
          ) : (
            <DataTable
              caption="Addresses with the most alerts"
              rows={data.topIps}
              rowKey={(row) => row.ip}
              columns={[
                { header: 'IP', kind: 'mono', cell: (row) => <a href={routeHref('events', { ip: row.ip, risk: 'medium' })}>{row.ip}</a> },
                { header: 'Alerts', kind: 'number', cell: (row) => formatCount(row.alerts) },
                { header: 'Users', kind: 'number', cell: (row) => formatCount(row.users) },
                { header: 'Worst risk', kind: 'number', cell: (row) => formatRisk(row.maxRisk) },
              ]}
            />
          )}
        </section>
      </div>
    </Panel>
  );
}
