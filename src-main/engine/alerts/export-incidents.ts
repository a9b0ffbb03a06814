import type { Alert, ExportFormat, ExportedFile, Incident, IncidentList, IncidentNote } from '../../../src-shared/api.js';
import { incidentsCsv } from './incidents-csv.js';
import { incidentsReport } from './incidents-report.js';

/** An incident's alerts and notes, read when an export needs them. */
export type IncidentContents = (incident: Incident) => { alerts: Alert[]; notes: IncidentNote[] };

/** Incidents as a file: a CSV table (one row each), a JSON document with alerts and notes, or an HTML report. */
export function exportIncidents(format: ExportFormat, list: IncidentList, contents: IncidentContents, now = Date.now()): ExportedFile {
  const stamp = new Date(now).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const base = `vigil-incidents-run${list.runId ?? 0}-${stamp}`;
  if (format === 'csv') return { fileName: `${base}.csv`, mimeType: 'text/csv', content: incidentsCsv(list.incidents) };
  if (format === 'html') return { fileName: `${base}.html`, mimeType: 'text/html', content: incidentsReport(list, contents, now) };
  const document = {
    generatedAt: new Date(now).toISOString(),
    runId: list.runId,
    threshold: list.threshold,
    total: list.total,
    byStatus: list.byStatus,
    incidents: list.incidents.map((incident) => ({ ...incident, ...contents(incident) })),
  };
  return { fileName: `${base}.json`, mimeType: 'application/json', content: JSON.stringify(document, null, 2) + '\n' };
}
