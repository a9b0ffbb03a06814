import { alertStatuses, riskLevels, type AlertStatus, type IncidentFilter, type RiskLevel } from '../../../src-shared/api';
import { useAppState } from '../app-state';
import { useClient } from '../client/context';
import { RiskLegend } from '../components/badges';
import { ViewHeader } from '../components/panel';
import { EmptyState, ErrorMessage, Loading } from '../components/states';
import { formatCount } from '../format';
import { useAsync } from '../hooks/use-async';
import { navigate, routeHref, useRoute } from '../hooks/use-route';
import { ExportButtons } from './alerts/export-buttons';
import { IncidentDetailPanel } from './alerts/incident-detail';
import { IncidentTable, statusNames } from './alerts/incident-table';

/** Incidents of the newest run by triage status; one opens with its alerts, reasons and triage actions. */
export function AlertsView() {
  const client = useClient();
  const { settings, dataVersion } = useAppState();
  const route = useRoute();
  const status = (alertStatuses as readonly string[]).includes(route.params.get('status') ?? '') ? (route.params.get('status') as AlertStatus) : undefined;
  const level = (riskLevels as readonly string[]).includes(route.params.get('level') ?? '') ? (route.params.get('level') as RiskLevel) : undefined;
  const selectedText = route.params.get('incident');
  const selected = selectedText && /^\d+$/.test(selectedText) ? Number(selectedText) : null;
  const filter: IncidentFilter = { status, minimumLevel: level };
  const list = useAsync(() => client.listIncidents(filter), [status, level, dataVersion]);
  const go = (next: { status?: AlertStatus | null; level?: RiskLevel | null; incident?: number | null }): void =>
    navigate('alerts', {
      status: next.status === undefined ? status : next.status,
      level: next.level === undefined ? level : next.level,
      incident: next.incident === undefined ? selected : next.incident,
    });
  const data = list.data;
  const all = data ? alertStatuses.reduce((sum, name) => sum + data.byStatus[name], 0) : 0;

  return (
    <div className="view view-fill">
      <ViewHeader
        title="Alerts"
        subtitle={
          data?.runId
            ? `Logins with risk ≥ ${data.threshold} (the challenge threshold) by run #${data.runId}, grouped: one user or one address within 30 minutes is one incident.`
            : 'Logins whose risk reached the challenge threshold, grouped into incidents for triage.'
        }
        actions={
          <>
            <RiskLegend />
            {data?.runId && <ExportButtons filter={filter} disabled={data.total === 0} />}
          </>
        }
      />
      {data?.runId && (
      <div className="alerts-toolbar">
        <div className="tabs" role="tablist" aria-label="Incident status">
          {[null, ...alertStatuses].map((value) => (
            <button key={value ?? 'all'} type="button" role="tab" aria-selected={(status ?? null) === value} className="tab" onClick={() => go({ status: value, incident: null })}>
              {value === null ? 'All' : statusNames[value]} <span className="tab-count">{data ? formatCount(value === null ? all : data.byStatus[value]) : ''}</span>
            </button>
          ))}
        </div>
        <label className="field field-inline">
          <span>Level</span>
          <select value={level ?? ''} onChange={(event) => go({ level: (event.target.value || null) as RiskLevel | null, incident: null })}>
            <option value="">Any</option>
            {riskLevels.slice(1).map((name) => (
              <option key={name} value={name}>
                {name} or higher
              </option>
            ))}
          </select>
        </label>
      </div>
      )}
      {list.error && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {!data && list.loading && <Loading label="Grouping alerts into incidents…" />}
      {data && data.runId === null && (
        <EmptyState title="Nothing is scored yet">
          Alerts come from a trained model's scores. <a href={routeHref('training')}>Train on the Training view</a>; every login at or above the challenge
          threshold ({settings.challengeThreshold}, set in Settings) then raises an alert here.
        </EmptyState>
      )}
      {data && data.runId !== null && (
        <div className="events-layout">
          {data.incidents.length === 0 ? (
            <EmptyState title={status || level ? 'No incidents match' : 'No alerts'}>
              {status || level ? 'Choose another status or level.' : `No login reached the challenge threshold (${data.threshold}).`}
            </EmptyState>
          ) : (
            <div className="incident-list" aria-busy={list.loading}>
              {data.total > data.incidents.length && (
                <p className="muted small">
                  Newest {formatCount(data.incidents.length)} of {formatCount(data.total)} incidents; narrow by level or status, or export them all.
                </p>
              )}
              <IncidentTable incidents={data.incidents} selected={selected} zone={settings.displayTimeZone} onSelect={(id) => go({ incident: id })} />
            </div>
          )}
          {selected !== null && <IncidentDetailPanel id={selected} onClose={() => go({ incident: null })} onChanged={list.reload} />}
        </div>
      )}
    </div>
  );
}
