import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { alertStatuses, type Alert, type AlertStatus, type Incident } from '../../../src-shared/api.js';
import { ensureIncidents } from '../../engine/alerts/derive-incidents.js';
import { openCase } from '../../engine/store/database.js';
import { incidentAlerts, incidentList } from '../../engine/store/queries/incidents.js';
import { latestCompleteRunId } from '../../engine/store/queries/model-runs.js';
import { readSettings } from '../../engine/store/queries/settings.js';
import { UsageError, type Command } from '../command.js';
import { formatCount } from '../progress.js';

const usage = 'vigil alerts --case C.vigil [--json] [--limit N] [--status new|acknowledged|false_positive|resolved]';

/** Alerts shown per incident in the text table (the JSON holds up to `jsonAlertLimit`). */
const textAlertLimit = 5;
const jsonAlertLimit = 1000;

/** `vigil alerts`: the incidents of the latest run (batch and live alerts), newest first, with their alerts. */
export const command: Command = {
  summary: "List the latest run's incidents, newest first, with their alerts (live and batch)",
  usage,
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { case: { type: 'string' }, json: { type: 'boolean', default: false }, limit: { type: 'string', default: '20' }, status: { type: 'string' } } });
    if (!values.case) throw new UsageError('--case is required');
    if (!existsSync(values.case)) throw new UsageError(`no case file at ${values.case}`);
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) throw new UsageError(`--limit must be a whole number from 1 to 100000, not '${values.limit}'`);
    const status = values.status === undefined ? undefined : readStatus(values.status);
    const db = openCase(values.case);
    try {
      const runId = latestCompleteRunId(db);
      if (runId === null) {
        if (values.json) process.stdout.write('[]\n');
        else process.stdout.write(`no trained model in ${values.case}: run vigil train --case ${values.case}\n`);
        return 0;
      }
      const threshold = readSettings(db).challengeThreshold;
      // A run trained on the command line has not been grouped yet: group it as the app would.
      ensureIncidents(db, runId, threshold);
      const list = incidentList(db, runId, status ? { status } : {}, limit);
      const withAlerts = list.incidents.map((incident) => ({ incident, alerts: incidentAlerts(db, incident, values.json ? jsonAlertLimit : textAlertLimit) }));
      if (values.json) {
        process.stdout.write(JSON.stringify(withAlerts.map(({ incident, alerts }) => ({ ...incident, alertDetails: alerts.map(alertJson) })), null, 2) + '\n');
        return 0;
      }
      process.stdout.write(`run #${runId}, alerts at risk ≥ ${threshold}: ${formatCount(list.total)} incident${list.total === 1 ? '' : 's'}${status ? ` ${status}` : ''} (${alertStatuses.map((name) => `${name} ${list.byStatus[name]}`).join(', ')})${list.incidents.length < list.total ? `; newest ${list.incidents.length} shown` : ''}\n`);
      for (const { incident, alerts } of withAlerts) process.stdout.write(incidentText(incident, alerts));
    } finally {
      db.close();
    }
    return 0;
  },
};

function readStatus(text: string): AlertStatus {
  const status = text.replace('_', '-');
  if (!(alertStatuses as readonly string[]).includes(status)) throw new UsageError(`--status is new, acknowledged, false_positive or resolved, not '${text}'`);
  return status as AlertStatus;
}

function time(value: number): string {
  return new Date(value).toISOString().slice(0, 19).replace('T', ' ');
}

/** An incident's header line and a table of its first alerts. */
function incidentText(incident: Incident, alerts: readonly Alert[]): string {
  const lines = [
    '',
    `#${incident.id} ${incident.level.toUpperCase()} max risk ${incident.maxRisk.toFixed(0)} · ${incident.status} · ${time(incident.firstTime)} → ${time(incident.lastTime)} UTC · ${formatCount(incident.alerts)} alert${incident.alerts === 1 ? '' : 's'} · ${incident.title}`,
    `  ${'time (UTC)'.padEnd(19)}  ${'user'.padEnd(16)}  ${'ip'.padEnd(15)}  ${'level'.padEnd(8)}  risk  reasons`,
  ];
  for (const alert of alerts) {
    lines.push(`  ${time(alert.time)}  ${alert.user.padEnd(16)}  ${(alert.ip ?? '-').padEnd(15)}  ${alert.level.padEnd(8)}  ${alert.risk.toFixed(0).padStart(4)}  ${alert.reasons.map((reason) => reason.text).join('; ') || '-'}`);
  }
  if (incident.alerts > alerts.length) lines.push(`  … ${formatCount(incident.alerts - alerts.length)} more (vigil alerts --json)`);
  return lines.join('\n') + '\n';
}

function alertJson(alert: Alert) {
  return { eventId: alert.eventId, time: new Date(alert.time).toISOString(), user: alert.user, ip: alert.ip, outcome: alert.outcome, country: alert.country, level: alert.level, risk: alert.risk, decision: alert.decision, reasons: alert.reasons.map((reason) => reason.text) };
}
