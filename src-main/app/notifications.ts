import { Notification } from 'electron';
import type { VigilEvent } from '../../src-shared/api.js';

/**
 * Desktop notifications for pushed events that matter when the window is not in front: a live alert the
 * policy says to notify (new high and critical incidents by default), a finished import and a finished
 * training. Clicking one brings the window forward; an alert's opens its incident.
 */
export function notifyFor(event: VigilEvent, focus: (href?: string) => void): void {
  if (!Notification.isSupported()) return;
  let notification: Notification | null = null;
  let href: string | undefined;
  if (event.type === 'alertRaised') {
    const alert = event.alert;
    if (!alert.notify) return;
    notification = new Notification({
      title: `Vigil: ${alert.level} risk login by ${alert.user}`,
      body: [`${alert.ip ?? 'unknown address'} — risk ${Math.round(alert.risk)}, ${alert.decision}.`, alert.reasons[0] ?? '', alert.lockedUntil ? `Account locked until ${new Date(alert.lockedUntil).toISOString()}.` : '']
        .filter(Boolean)
        .join(' '),
      urgency: alert.level === 'critical' ? 'critical' : 'normal',
    });
    if (alert.incidentId !== null) href = `#/alerts?incident=${alert.incidentId}`;
  } else if (event.type === 'importFinished') {
    const imported = event.summaries.reduce((sum, summary) => sum + summary.eventsImported, 0);
    notification = new Notification({
      title: event.error ? 'Vigil: import stopped' : 'Vigil: import finished',
      body: event.error ? event.error.message : `${imported.toLocaleString('en-US')} events imported from ${event.summaries.length} file(s).`,
    });
  } else if (event.type === 'trainingFinished') {
    const complete = event.run?.status === 'complete';
    notification = new Notification({
      title: event.error ? 'Vigil: training failed' : complete ? 'Vigil: training finished' : 'Vigil: training stopped',
      body: event.error ? event.error.message : complete ? `Run #${event.run?.id} scored ${(event.run?.events ?? 0).toLocaleString('en-US')} events.` : 'The run was stopped before it finished.',
    });
  }
  notification?.on('click', () => focus(href));
  notification?.show();
}
