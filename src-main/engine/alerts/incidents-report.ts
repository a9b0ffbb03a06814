import { alertStatuses, type Incident, type IncidentList } from '../../../src-shared/api.js';
import type { IncidentContents } from './export-incidents.js';

/** Alerts listed per incident in the report; the JSON export holds them all. */
export const reportAlertLimit = 25;

const levelColours = { low: '#2da44e', medium: '#d4a72c', high: '#e16f24', critical: '#cf222e' } as const;

/** A self-contained HTML report (no scripts, no external files) to hand over or print. */
export function incidentsReport(list: IncidentList, contents: IncidentContents, now: number): string {
  const counts = alertStatuses.map((status) => `${escape(status)}: ${list.byStatus[status]}`).join(' · ');
  const summaryRows = list.incidents
    .map((incident) => `<tr><td><a href="#incident-${incident.id}">#${incident.id}</a></td><td>${level(incident)}</td><td>${escape(incident.status)}</td><td>${time(incident.firstTime)}</td><td class="n">${incident.alerts}</td><td>${escape(incident.title)}</td></tr>`)
    .join('\n');
  const sections = list.incidents.map((incident) => section(incident, contents)).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Vigil incident report</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;color:#1f2430;margin:2rem auto;max-width:70rem;padding:0 1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #e3e6eb;vertical-align:top}
th{background:#f4f6f9;font-size:.8rem}.n{text-align:right}.badge{color:#fff;border-radius:9px;padding:0 .45rem;font-weight:600;font-size:.8rem}
section{border-top:2px solid #dde1e7;margin-top:1.5rem;padding-top:.5rem}.muted{color:#5c6575}code{font-size:.9em}
</style></head><body>
<h1>Vigil incident report</h1>
<p class="muted">Generated ${time(now)} UTC from model run #${list.runId ?? '—'}. A login alerts at risk ≥ ${list.threshold}; alerts of one user or one address within 30 minutes form one incident.</p>
<p>${list.total} incident${list.total === 1 ? '' : 's'}${list.incidents.length < list.total ? ` (${list.incidents.length} listed)` : ''} — ${counts}</p>
<table><thead><tr><th>Incident</th><th>Level</th><th>Status</th><th>First alert (UTC)</th><th class="n">Alerts</th><th>Title</th></tr></thead><tbody>
${summaryRows}
</tbody></table>
${sections}
</body></html>
`;
}

function section(incident: Incident, contents: IncidentContents): string {
  const { alerts, notes } = contents(incident);
  const alertRows = alerts
    .slice(0, reportAlertLimit)
    .map((alert) => `<tr><td>${time(alert.time)}</td><td>${escape(alert.user)}</td><td><code>${escape(alert.ip ?? '—')}</code></td><td>${escape(alert.outcome)}</td><td class="n">${alert.risk.toFixed(1)}</td><td>${alert.reasons.map((reason) => escape(reason.text)).join('<br>') || '<span class="muted">no reason above the explanation threshold</span>'}</td></tr>`)
    .join('\n');
  const shown = Math.min(alerts.length, reportAlertLimit);
  const more = incident.alerts > shown ? `<p class="muted">${incident.alerts - shown} more alert${incident.alerts - shown === 1 ? '' : 's'} in the JSON export (up to 10,000 per incident).</p>` : '';
  const history = notes.length
    ? `<ul>${notes.map((note) => `<li>${time(note.time)} — ${escape(note.actor)} set <strong>${escape(note.status)}</strong>${note.text ? `: ${escape(note.text)}` : ''}</li>`).join('')}</ul>`
    : '<p class="muted">No triage yet.</p>';
  return `<section id="incident-${incident.id}">
<h2>#${incident.id} ${escape(incident.title)}</h2>
<p>${level(incident)} max risk ${incident.maxRisk.toFixed(1)} · status <strong>${escape(incident.status)}</strong> · ${time(incident.firstTime)} → ${time(incident.lastTime)} UTC · ${incident.alerts} alerts</p>
<p>Users (${incident.userCount}): ${incident.users.map(escape).join(', ')}<br>Addresses (${incident.ipCount}): ${incident.ips.map(escape).join(', ') || '—'}<br>Rules: ${incident.rules.map(escape).join(', ') || '—'}</p>
<table><thead><tr><th>Time (UTC)</th><th>User</th><th>IP</th><th>Outcome</th><th class="n">Risk</th><th>Reasons</th></tr></thead><tbody>
${alertRows}
</tbody></table>${more}
<h3>Triage</h3>${history}
</section>`;
}

function level(incident: Incident): string {
  return `<span class="badge" style="background:${levelColours[incident.level]}">${escape(incident.level)}</span>`;
}

function time(value: number): string {
  return new Date(value).toISOString().slice(0, 19).replace('T', ' ');
}

/** Text → HTML text: the report carries user names and log contents, which must never become markup. */
export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
