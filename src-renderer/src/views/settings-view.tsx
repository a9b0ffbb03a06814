import { useState, type FormEvent } from 'react';
import type { ApiError, Settings } from '../../../src-shared/api';
import { useAppState } from '../app-state';
import { useClient } from '../client/context';
import { Panel, ViewHeader } from '../components/panel';
import { ErrorMessage } from '../components/states';
import { formatBytes, formatCount } from '../format';
import { AllowListPanel } from './response/allow-list-panel';
import { AlertPolicyPanel } from './settings/alert-policy-panel';
import { ChannelsPanel } from './settings/channels-panel';

/** Case settings (display, import defaults, risk thresholds) and what this case and mode are. */
export function SettingsView() {
  const client = useClient();
  const { caseInfo, settings, updateSettings } = useAppState();
  const [draft, setDraft] = useState<Settings>(settings);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setSaving(true);
    setSaved(false);
    try {
      const next = await client.setSettings(draft);
      updateSettings(next);
      setDraft(next);
      setError(null);
      setSaved(true);
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setSaving(false);
    }
  };
  const threshold = (name: 'challengeThreshold' | 'blockThreshold') => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [name]: Math.round(Number(event.target.value)) });

  return (
    <div className="view view-settings">
      <ViewHeader title="Settings" subtitle="Stored in the case file; every change is recorded in its audit trail." />
      <form onSubmit={(event) => void save(event)} aria-label="Settings">
        <Panel title="Display">
          <label className="field">
            <span>Show times in</span>
            <select value={draft.displayTimeZone} onChange={(event) => setDraft({ ...draft, displayTimeZone: event.target.value === 'local' ? 'local' : 'UTC' })}>
              <option value="UTC">UTC</option>
              <option value="local">This computer's time zone ({Intl.DateTimeFormat().resolvedOptions().timeZone})</option>
            </select>
          </label>
        </Panel>
        <Panel title="Import">
          <label className="field">
            <span>Time zone of logs without one (IANA name)</span>
            <input value={draft.importTimeZone} onChange={(event) => setDraft({ ...draft, importTimeZone: event.target.value })} placeholder="UTC or Europe/Oslo" />
          </label>
        </Panel>
        <Panel title="Risk thresholds">
          <div className="form-row">
            <label className="field field-narrow">
              <span>Challenge at risk ≥</span>
              <input type="number" min={0} max={100} value={draft.challengeThreshold} onChange={threshold('challengeThreshold')} />
            </label>
            <label className="field field-narrow">
              <span>Block at risk ≥</span>
              <input type="number" min={0} max={100} value={draft.blockThreshold} onChange={threshold('blockThreshold')} />
            </label>
          </div>
          <p className="muted small">
            Risk is scored 0–100. A login at or above the challenge threshold raises an alert and should be challenged (for example with a second
            factor); at or above the block threshold it should be refused.
          </p>
        </Panel>
        <AlertPolicyPanel policy={draft.alertPolicy} onChange={(alertPolicy) => setDraft({ ...draft, alertPolicy })} />
        <ChannelsPanel channels={draft.alertChannels} onChange={(alertChannels) => setDraft({ ...draft, alertChannels })} />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={saving}>
            Save settings
          </button>
          {saved && (
            <span role="status" className="saved">
              Saved.
            </span>
          )}
        </div>
        {error && <ErrorMessage error={error} />}
      </form>
      <AllowListPanel />
      <Panel title="Case">
        <dl className="facts">
          <div>
            <dt>File</dt>
            <dd className="mono">{caseInfo.path}</dd>
          </div>
          <div>
            <dt>Size</dt>
            <dd>{formatBytes(caseInfo.sizeBytes)}</dd>
          </div>
          <div>
            <dt>Schema version</dt>
            <dd>{caseInfo.schemaVersion}</dd>
          </div>
          <div>
            <dt>Contents</dt>
            <dd>
              {formatCount(caseInfo.counts.events)} events from {formatCount(caseInfo.counts.sources)} source{caseInfo.counts.sources === 1 ? '' : 's'};{' '}
              {formatCount(caseInfo.counts.rejects)} rejected line{caseInfo.counts.rejects === 1 ? '' : 's'}
            </dd>
          </div>
          <div>
            <dt>Running as</dt>
            <dd>{caseInfo.mode === 'server' ? 'vigil serve (browser)' : 'desktop app'}</dd>
          </div>
          {!caseInfo.capabilities.switchCase.available && (
            <div>
              <dt>Other cases</dt>
              <dd>{caseInfo.capabilities.switchCase.reason}</dd>
            </div>
          )}
        </dl>
      </Panel>
    </div>
  );
}
