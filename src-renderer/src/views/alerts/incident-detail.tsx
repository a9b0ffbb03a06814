import { useAppState } from '../../app-state';
import { useClient } from '../../client/context';
import { RiskBadge } from '../../components/badges';
import { ErrorMessage, Loading } from '../../components/states';
import { formatCount, formatTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { routeHref } from '../../hooks/use-route';
import { AlertList } from './alert-list';
import { AllowListForm } from './allow-list-form';
import { statusNames } from './incident-table';
import { TriageForm } from './triage-form';

/** One incident: who and where, its alerts with every reason, its triage history, and the triage actions. */
export function IncidentDetailPanel({ id, onClose, onChanged }: { id: number; onClose(): void; onChanged(): void }) {
  const client = useClient();
  const { settings } = useAppState();
  const detail = useAsync(() => client.getIncident(id), [id]);
  const zone = settings.displayTimeZone;
  const data = detail.data?.incident.id === id ? detail.data : null;
  const incident = data?.incident;

  return (
    <aside className="detail-panel incident-panel" aria-label={`Incident ${id}`}>
      <header className="detail-header">
        <h2>Incident #{id}</h2>
        <button type="button" className="button-secondary" onClick={onClose} aria-label="Close incident">
          Close
        </button>
      </header>
      {detail.error && <ErrorMessage error={detail.error} onRetry={detail.reload} />}
      {!data && detail.loading && <Loading />}
      {data && incident && (
        <div className="detail-body">
          <p className="incident-title">
            <RiskBadge level={incident.level} risk={incident.maxRisk} /> <strong>{incident.title}</strong>
          </p>
          <dl className="facts">
            <div>
              <dt>Status</dt>
              <dd>
                <span className={`status status-${incident.status}`}>{statusNames[incident.status]}</span>
              </dd>
            </div>
            <div>
              <dt>Span ({zone === 'UTC' ? 'UTC' : 'local'})</dt>
              <dd className="mono">
                {formatTime(incident.firstTime, zone)} → {formatTime(incident.lastTime, zone).slice(11)}
              </dd>
            </div>
            <div>
              <dt>Users ({formatCount(incident.userCount)})</dt>
              <dd>
                {incident.users.map((user, index) => (
                  <span key={user}>
                    {index > 0 && ', '}
                    <a href={routeHref('users', { user })}>{user}</a>
                  </span>
                ))}
              </dd>
            </div>
            <div>
              <dt>Addresses ({formatCount(incident.ipCount)})</dt>
              <dd className="mono">
                {incident.ips.length === 0
                  ? '—'
                  : incident.ips.map((ip, index) => (
                      <span key={ip}>
                        {index > 0 && ', '}
                        <a href={routeHref('events', { ip, risk: 'medium' })}>{ip}</a>
                      </span>
                    ))}
              </dd>
            </div>
            <div>
              <dt>Why</dt>
              <dd>{incident.rules.join(', ').replace(/_/g, ' ') || '—'}</dd>
            </div>
          </dl>
          <h3>Triage</h3>
          <TriageForm
            key={incident.status}
            incident={incident}
            onChanged={() => {
              detail.reload();
              onChanged();
            }}
          />
          <h3>Allow-list</h3>
          <AllowListForm incident={incident} onAdded={onChanged} />
          {data.notes.length > 0 && (
            <ol className="history" aria-label="Triage history">
              {data.notes.map((note, index) => (
                <li key={index}>
                  <span className="mono">{formatTime(note.time, zone)}</span> {note.actor} set <strong>{statusNames[note.status]}</strong>
                  {note.text && <>: {note.text}</>}
                </li>
              ))}
            </ol>
          )}
          <h3>
            Alerts ({formatCount(incident.alerts)}
            {data.alerts.length < incident.alerts ? `, first ${formatCount(data.alerts.length)} shown` : ''})
          </h3>
          <AlertList alerts={data.alerts} zone={zone} />
        </div>
      )}
    </aside>
  );
}
