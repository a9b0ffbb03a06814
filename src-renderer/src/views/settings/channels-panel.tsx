import type { Settings } from '../../../../src-shared/api';
import { Panel } from '../../components/panel';
import { listText, textList } from './list-text';

type Channels = Settings['alertChannels'];
type Email = NonNullable<Channels['email']>;

const newEmail: Email = { host: 'localhost', port: 25, secure: false, from: 'vigil@localhost', to: [] };

/**
 * Where notified live alerts go: desktop notifications, e-mail over SMTP and webhooks (JSON or Slack
 * text). The SMTP password is never stored in the case; it comes from VIGIL_SMTP_PASSWORD.
 */
export function ChannelsPanel({ channels, onChange }: { channels: Channels; onChange(next: Channels): void }) {
  const email = channels.email;
  const setEmail = (patch: Partial<Email>): void => onChange({ ...channels, email: { ...(email ?? newEmail), ...patch } });
  const webhooks = channels.webhooks;
  return (
    <Panel title="Notification channels">
      <label className="field-inline">
        <input type="checkbox" checked={channels.desktop} onChange={(event) => onChange({ ...channels, desktop: event.target.checked })} />
        <span>Desktop notifications (desktop app)</span>
      </label>
      <h3>E-mail</h3>
      <label className="field-inline">
        <input type="checkbox" checked={email !== null} onChange={(event) => onChange({ ...channels, email: event.target.checked ? newEmail : null })} />
        <span>Send alerts by e-mail</span>
      </label>
      {email && (
        <>
          <div className="form-row">
            <label className="field">
              <span>SMTP server</span>
              <input className="mono" value={email.host} onChange={(event) => setEmail({ host: event.target.value })} />
            </label>
            <label className="field field-narrow">
              <span>Port</span>
              <input type="number" min={1} max={65535} value={email.port} onChange={(event) => setEmail({ port: Math.round(Number(event.target.value)) })} />
            </label>
            <label className="field-inline">
              <input type="checkbox" checked={email.secure} onChange={(event) => setEmail({ secure: event.target.checked })} />
              <span>TLS from the start (port 465)</span>
            </label>
          </div>
          <div className="form-row">
            <label className="field">
              <span>From</span>
              <input value={email.from} onChange={(event) => setEmail({ from: event.target.value })} />
            </label>
            <label className="field field-wide">
              <span>To (comma-separated)</span>
              <input value={listText(email.to)} onChange={(event) => setEmail({ to: textList(event.target.value) })} placeholder="soc@example.org" />
            </label>
            <label className="field">
              <span>User name (optional)</span>
              <input value={email.username ?? ''} onChange={(event) => setEmail({ username: event.target.value || undefined })} autoComplete="off" />
            </label>
          </div>
          <p className="muted small">The SMTP password is read from the VIGIL_SMTP_PASSWORD environment variable of the machine running Vigil; it is never stored in the case file.</p>
        </>
      )}
      <h3>Webhooks</h3>
      {webhooks.map((hook, index) => (
        <div className="form-row" key={index}>
          <label className="field field-wide">
            <span>URL</span>
            <input className="mono" value={hook.url} onChange={(event) => onChange({ ...channels, webhooks: webhooks.map((item, at) => (at === index ? { ...item, url: event.target.value } : item)) })} />
          </label>
          <label className="field field-narrow">
            <span>Body</span>
            <select value={hook.style} onChange={(event) => onChange({ ...channels, webhooks: webhooks.map((item, at) => (at === index ? { ...item, style: event.target.value as 'json' | 'slack' } : item)) })}>
              <option value="json">JSON</option>
              <option value="slack">Slack text</option>
            </select>
          </label>
          <button type="button" className="button-secondary" onClick={() => onChange({ ...channels, webhooks: webhooks.filter((_item, at) => at !== index) })}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="button-secondary" onClick={() => onChange({ ...channels, webhooks: [...webhooks, { url: 'https://', style: 'json' }] })} disabled={webhooks.length >= 20}>
        Add a webhook
      </button>
    </Panel>
  );
}
