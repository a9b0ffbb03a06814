/** The e-mail and webhook channels a case's settings name (the desktop channel belongs to the caller). */
import type { AlertChannels } from '../../../../src-shared/api/settings.js';
import type { AlertChannel } from './channel.js';
import { createEmailChannel } from './email.js';
import { createWebhookChannel } from './webhook.js';

/** Build the channels; a webhook with a bad address is reported through `onError` and left out. */
export function channelsFromSettings(settings: AlertChannels, onError: (message: string) => void = () => {}): AlertChannel[] {
  const channels: AlertChannel[] = [];
  const { email } = settings;
  if (email) {
    channels.push(
      createEmailChannel({
        host: email.host,
        port: email.port,
        secure: email.secure,
        from: email.from,
        to: email.to,
        // The password is not kept in the case (see the service): it comes from the environment of the process that sends.
        auth: email.username ? { user: email.username, pass: email.password ?? process.env.VIGIL_SMTP_PASSWORD ?? '' } : undefined,
      }),
    );
  }
  for (const webhook of settings.webhooks) {
    try {
      channels.push(createWebhookChannel({ url: webhook.url, style: webhook.style }));
    } catch (error) {
      onError(`webhook ${webhook.url} left out: ${(error as Error).message}`);
    }
  }
  return channels;
}
