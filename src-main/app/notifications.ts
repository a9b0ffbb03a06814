import { Notification } from 'electron';
import type { VigilEvent } from '../../src-shared/api.js';

/**
 * Desktop notifications for pushed events that matter when the window is not in front: a raised alert
 * (once live scoring raises them), a finished import and a finished training. Clicking one brings the window forward.
 */
export function notifyFor(event: VigilEvent, focus: () => void): void {
  if (!Notification.isSupported()) return;
  let notification: Notification | null = null;
  if (event.type === 'alertRaised') {
    const alert = event.alert;
    notification = new Notification({
      title: `Vigil: ${alert.level} risk login by ${alert.user}`,
      body: `${alert.ip ?? 'unknown address'} — risk ${Math.round(alert.risk)}, ${alert.decision}. ${alert.reasons[0]?.text ?? ''}`.trim(),
      urgency: alert.level === 'critical' ? 'critical' : 'normal',
    });
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
  notification?.on('click', focus);
  notification?.show();
}
