import type { Alert } from '../../../../src-shared/api';
import { OutcomeBadge, RiskBadge } from '../../components/badges';
import { formatTime, orDash, type DisplayZone } from '../../format';
import { routeHref } from '../../hooks/use-route';

/** An incident's alerts in time order: when, how risky, who from where, and every reason in its own words. */
export function AlertList({ alerts, zone }: { alerts: Alert[]; zone: DisplayZone }) {
  return (
    <ol className="alert-list" aria-label="Alerts of the incident">
      {alerts.map((alert) => (
        <li key={alert.eventId}>
          <div className="alert-head">
            <RiskBadge level={alert.level} risk={alert.risk} />
            <a className="mono" href={routeHref('events', { user: alert.user, from: alert.time, to: alert.time + 1 })} title="Open this login in Events">
              {formatTime(alert.time, zone)}
            </a>
            <OutcomeBadge outcome={alert.outcome} />
            <span className="alert-who" title={alert.user}>
              {alert.user}
            </span>
            <span className="mono">{orDash(alert.ip)}</span>
            {alert.country && <span className="muted">{alert.country}</span>}
          </div>
          {alert.reasons.length === 0 ? (
            <p className="muted small">Raised by the models together; no single reason stands out.</p>
          ) : (
            <ul className="reasons">
              {alert.reasons.map((reason, index) => (
                <li key={index}>{reason.text}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
