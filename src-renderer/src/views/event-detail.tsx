import type { ReactNode } from 'react';
import { useAppState } from '../app-state';
import { useClient } from '../client/context';
import { OutcomeBadge, RiskBadge } from '../components/badges';
import { ErrorMessage, Loading } from '../components/states';
import { formatCount, formatTime, orDash } from '../format';
import { useAsync } from '../hooks/use-async';
import { routeHref } from '../hooks/use-route';
import { ScoreDetail } from './score-detail';

/** One event in full: the stored facts, enrichment, provenance, score, and the raw line as evidence. */
export function EventDetailPanel({ id, onClose }: { id: number; onClose(): void }) {
  const client = useClient();
  const { settings, caseInfo } = useAppState();
  const detail = useAsync(() => client.getEvent(id), [id]);
  const zone = settings.displayTimeZone;
  const event = detail.data?.event;

  const row = (label: string, value: ReactNode, mono = false): ReactNode => (
    <div key={label}>
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined}>{value}</dd>
    </div>
  );
  return (
    <aside className="detail-panel" aria-label={`Event ${id}`}>
      <header className="detail-header">
        <h2>Event #{id}</h2>
        <button type="button" className="button-secondary" onClick={onClose} aria-label="Close event detail">
          Close
        </button>
      </header>
      {detail.error && <ErrorMessage error={detail.error} onRetry={detail.reload} />}
      {!event && detail.loading && <Loading />}
      {event && detail.data && (
        <div className="detail-body">
          <h3 className="first">Risk</h3>
          {detail.data.score ? (
            <ScoreDetail score={detail.data.score} />
          ) : (
            <p className="muted">
              <RiskBadge level={null} /> {caseInfo.capabilities.detection.reason ?? <>No model run has scored this event yet: <a href={routeHref('training')}>train on the Training view</a>.</>}
            </p>
          )}
          <h3>Raw line</h3>
          {event.raw ? <pre className="raw">{event.raw}</pre> : <p className="muted">The raw line was not kept for this source.</p>}
          <h3>Facts</h3>
          <dl className="facts">
            {row(`Time (${zone === 'UTC' ? 'UTC' : 'local'})`, formatTime(event.time, zone), true)}
            {row('User', <a href={routeHref('users', { user: event.user })}>{event.user}</a>)}
            {row('Outcome', <OutcomeBadge outcome={event.outcome} />)}
            {row('IP', event.ip ? <a href={routeHref('events', { ip: event.ip })}>{event.ip}</a> : '—', true)}
            {row('Network', orDash(event.network), true)}
            {row('ASN', orDash(event.asn))}
            {row('Place', orDash([event.city, event.region, event.country].filter(Boolean).join(', ')))}
            {row('Coordinates', event.latitude !== null && event.longitude !== null ? `${event.latitude.toFixed(3)}, ${event.longitude.toFixed(3)}` : '—', true)}
            {row('Browser', orDash(event.browser))}
            {row('OS', orDash(event.os))}
            {row('Device type', orDash(event.deviceType))}
            {row('User agent', orDash(event.userAgent), true)}
            {row('Auth method', orDash(event.authMethod))}
            {row('Service', orDash(event.service))}
            {row('Host', orDash(event.host))}
            {row('Round trip', event.roundTripMs === null ? '—' : `${formatCount(event.roundTripMs)} ms`)}
            {row('Ground truth', event.label === null ? 'none in the data' : event.label)}
            {row('Source', detail.data.source ? `#${detail.data.source.id} ${detail.data.source.name} (${detail.data.source.format})` : `#${event.sourceId}`, true)}
            {row('Line · record', `${formatCount(event.line)} · ${formatCount(event.record)}`)}
          </dl>
        </div>
      )}
    </aside>
  );
}
