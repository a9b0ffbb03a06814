import type { AlertStatus, Incident } from '../../../../src-shared/api';
import { RiskBadge } from '../../components/badges';
import { DataTable } from '../../components/data-table';
import { formatCount, formatDuration, formatTime, type DisplayZone } from '../../format';

/** Status names as the UI writes them. */
export const statusNames: Record<AlertStatus, string> = { new: 'New', acknowledged: 'Acknowledged', 'false-positive': 'False positive', resolved: 'Resolved' };

/** Incidents, newest first: level and worst risk, what and who, how many alerts, when, and triage status. */
export function IncidentTable({ incidents, selected, zone, onSelect }: { incidents: Incident[]; selected: number | null; zone: DisplayZone; onSelect(id: number): void }) {
  return (
    <DataTable
      caption="Incidents"
      rows={incidents}
      rowKey={(incident) => incident.id}
      onRowClick={(incident) => onSelect(incident.id)}
      columns={[
        { header: 'Level', cell: (incident) => <RiskBadge level={incident.level} risk={incident.maxRisk} /> },
        {
          header: 'Incident',
          cell: (incident) => (
            <span className={incident.id === selected ? 'strong' : undefined}>
              #{incident.id} {incident.title}
            </span>
          ),
        },
        { header: 'Alerts', kind: 'number', cell: (incident) => formatCount(incident.alerts) },
        { header: `First alert (${zone === 'UTC' ? 'UTC' : 'local'})`, kind: 'mono', cell: (incident) => formatTime(incident.firstTime, zone) },
        { header: 'Lasted', kind: 'number', cell: (incident) => (incident.lastTime > incident.firstTime ? formatDuration(incident.lastTime - incident.firstTime) : '—') },
        { header: 'Status', cell: (incident) => <span className={`status status-${incident.status}`}>{statusNames[incident.status]}</span> },
      ]}
    />
  );
}
