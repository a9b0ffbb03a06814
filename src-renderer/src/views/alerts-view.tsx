import { useState } from 'react';
import { alertStatuses, type AlertStatus } from '../../../src-shared/api';
import { useAppState } from '../app-state';
import { useClient } from '../client/context';
import { RiskBadge, RiskLegend } from '../components/badges';
import { DataTable } from '../components/data-table';
import { Panel, ViewHeader } from '../components/panel';
import { EmptyState, ErrorMessage, Loading } from '../components/states';
import { formatTime, orDash } from '../format';
import { useAsync } from '../hooks/use-async';

const statusNames: Record<AlertStatus, string> = { new: 'New', acknowledged: 'Acknowledged', 'false-positive': 'False positive', resolved: 'Resolved' };

/** Alerts raised on risky logins, by triage status. */
export function AlertsView() {
  const client = useClient();
  const { caseInfo, settings, dataVersion } = useAppState();
  const [status, setStatus] = useState<AlertStatus | null>(null);
  const alerts = useAsync(() => client.listAlerts(status ? { status } : {}, { after: null, limit: 200 }), [status, dataVersion]);
  const detection = caseInfo.capabilities.detection;

  return (
    <div className="view">
      <ViewHeader title="Alerts" subtitle="Logins whose risk reached the challenge threshold, grouped for triage." actions={<RiskLegend />} />
      <div className="tabs" role="tablist" aria-label="Alert status">
        {[null, ...alertStatuses].map((value) => (
          <button key={value ?? 'all'} type="button" role="tab" aria-selected={status === value} className="tab" onClick={() => setStatus(value)}>
            {value === null ? 'All' : statusNames[value]}
          </button>
        ))}
      </div>
      <Panel title={status === null ? 'All alerts' : statusNames[status]}>
        {alerts.error && <ErrorMessage error={alerts.error} onRetry={alerts.reload} />}
        {!alerts.data && alerts.loading && <Loading />}
        {alerts.data && alerts.data.rows.length === 0 && (
          <EmptyState title="No alerts">
            {detection.available ? (
              <>No login in this case has reached the challenge threshold ({settings.challengeThreshold}).</>
            ) : (
              <>
                {detection.reason} Events are stored and can be explored, but no login is scored, so none can raise an alert. When scoring is
                available, a login at or above the challenge threshold ({settings.challengeThreshold}, set in Settings) raises an alert here.
              </>
            )}
          </EmptyState>
        )}
        {alerts.data && alerts.data.rows.length > 0 && (
          <DataTable
            rows={alerts.data.rows}
            rowKey={(row) => row.id}
            columns={[
              { header: 'Time', kind: 'mono', cell: (row) => formatTime(row.time, settings.displayTimeZone) },
              { header: 'Risk', cell: (row) => <RiskBadge level={row.level} /> },
              { header: 'User', cell: (row) => row.user },
              { header: 'IP', kind: 'mono', cell: (row) => orDash(row.ip) },
              { header: 'Why', cell: (row) => row.reasons.map((reason) => reason.text).join('; ') },
              { header: 'Status', cell: (row) => statusNames[row.status] },
            ]}
          />
        )}
      </Panel>
    </div>
  );
}
