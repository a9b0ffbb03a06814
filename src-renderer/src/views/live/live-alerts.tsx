import type { RaisedAlert } from '../../../../src-shared/api';
import { RiskBadge } from '../../components/badges';
import { EmptyState } from '../../components/states';
import { formatTime, type DisplayZone } from '../../format';
import { routeHref } from '../../hooks/use-route';

/** Alerts as live scoring raises them, newest first, each linking to its incident. */
export function LiveAlerts({ alerts, zone }: { alerts: RaisedAlert[]; zone: DisplayZone }) {
  if (alerts.length === 0) return <EmptyState title="No live alert yet">Alerts appear here as they fire; every one also joins an incident in Alerts.</EmptyState>;
  return (
    <ol className="alert-list live-alerts" aria-label="Live alerts">
      {alerts.map((alert) => (
        <li key={alert.eventId}>
          <div className="alert-head">
            <RiskBadge level={alert.level} risk={alert.risk} /> <span className="mono">{formatTime(alert.time, zone)}</span> <strong>{alert.user}</strong>{' '}
            <span className="mono">{alert.ip ?? '—'}</span> {[alert.city, alert.country].filter(Boolean).join(', ')} · {alert.decision}
            {alert.lockedUntil !== null && <span className="badge risk-critical">locked until {formatTime(alert.lockedUntil, zone).slice(11)}</span>}
            {alert.incidentId !== null && (
              <>
                {' '}
                · <a href={routeHref('alerts', { incident: alert.incidentId })}>incident #{alert.incidentId}</a>
              </>
            )}
          </div>
          <div className="muted small">{alert.reasons.join('; ')}</div>
        </li>
      ))}
    </ol>
  );
}
