import { Notification } from 'electron';
import type { VigilEvent } from '../../src-shared/api.js';

/**
 * Desktop notifications for pushed events that matter when the window is not in front: a raised alert
 * (once detection raises them) and a finished import. Clicking one brings the window forward.
 */
export function notifyFor(event: VigilEvent, focus: () => void): void {
  if (!Notification.isSupported()) return;
  let notification: Notification | null = null;
  if (event.type === 'alertRaised') {
    const alert = event.alert;
    notification = new Notification({
      title: `Vigil: ${alert.level} risk login by ${alert.user}`,
      body: `${alert.ip ?? 'unknown address'} — risk ${alert.risk}, ${alert.decision}. ${alert.reasons[0]?.text ?? ''}`.trim(),
      urgency: alert.level === 'critical' ? 'critical' : 'normal',
    });
  } else if (event.type === 'importFinished') {
    const imported = event.summaries.reduce((sum, summary) => sum + summary.eventsImported, 0);
    notification = new Notification({
      title: event.error ? 'Vigil: import stopped' : 'Vigil: import finished',
      body: event.error ? event.error.message : `${imported.toLocaleString('en-US')} events imported from ${event.summaries.length} file(s).`,
    });
  }
  notification?.on('click', focus);
  notification?.show();
}
