import type { Incident } from '../../../src-shared/api.js';

const columns = ['id', 'status', 'level', 'max_risk', 'first_utc', 'last_utc', 'alerts', 'users', 'user_count', 'ips', 'ip_count', 'rules', 'title', 'run_id'] as const;

/** One CSV row per incident (RFC 4180 quoting); users, addresses and rules are joined with spaces. */
export function incidentsCsv(incidents: readonly Incident[]): string {
  const rows = incidents.map((incident) => [
    incident.id,
    incident.status,
    incident.level,
    incident.maxRisk.toFixed(1),
    new Date(incident.firstTime).toISOString(),
    new Date(incident.lastTime).toISOString(),
    incident.alerts,
    incident.users.join(' '),
    incident.userCount,
    incident.ips.join(' '),
    incident.ipCount,
    incident.rules.join(' '),
    incident.title,
    incident.runId,
  ]);
  return [columns, ...rows].map((row) => row.map((value) => csvField(String(value))).join(',')).join('\r\n') + '\r\n';
}

/** A field quoted when it holds a comma, quote or line break. A leading formula character is defused for spreadsheets. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
