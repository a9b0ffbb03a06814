import { riskLevels, type Settings } from '../../../../src-shared/api';
import { Panel } from '../../components/panel';
import { listText, textList } from './list-text';

type Policy = Settings['alertPolicy'];

/** Which live alerts are raised and when people are told: minimum level, rules, users, quiet hours, incident window. */
export function AlertPolicyPanel({ policy, onChange }: { policy: Policy; onChange(next: Policy): void }) {
  const quiet = policy.quietHours;
  return (
    <Panel title="Live alert policy">
      <div className="form-row">
        <label className="field field-narrow">
          <span>Alert from level</span>
          <select value={policy.minimumLevel} onChange={(event) => onChange({ ...policy, minimumLevel: event.target.value as Policy['minimumLevel'] })}>
            {riskLevels.map((level) => (
              <option key={level} value={level}>
                {level}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-narrow">
          <span>One incident per (minutes)</span>
          <input type="number" min={1} max={1440} value={policy.incidentWindowMinutes} onChange={(event) => onChange({ ...policy, incidentWindowMinutes: Math.round(Number(event.target.value)) })} />
        </label>
        <label className="field field-wide">
          <span>Only these rules (comma-separated; empty: any)</span>
          <input className="mono" value={listText(policy.rules)} onChange={(event) => onChange({ ...policy, rules: textList(event.target.value) })} placeholder="brute_force, impossible_travel" />
        </label>
        <label className="field field-wide">
          <span>Only these users (comma-separated; empty: any)</span>
          <input value={listText(policy.users)} onChange={(event) => onChange({ ...policy, users: textList(event.target.value) })} placeholder="admin, root" />
        </label>
      </div>
      <div className="form-row">
        <label className="field-inline">
          <input type="checkbox" checked={quiet !== null} onChange={(event) => onChange({ ...policy, quietHours: event.target.checked ? { from: '22:00', to: '07:00', timeZone: 'UTC' } : null })} />
          <span>Quiet hours: record alerts but notify nobody</span>
        </label>
        {quiet && (
          <>
            <label className="field field-narrow">
              <span>From</span>
              <input type="time" value={quiet.from} onChange={(event) => onChange({ ...policy, quietHours: { ...quiet, from: event.target.value } })} />
            </label>
            <label className="field field-narrow">
              <span>To</span>
              <input type="time" value={quiet.to} onChange={(event) => onChange({ ...policy, quietHours: { ...quiet, to: event.target.value } })} />
            </label>
            <label className="field">
              <span>In time zone (IANA)</span>
              <input value={quiet.timeZone} onChange={(event) => onChange({ ...policy, quietHours: { ...quiet, timeZone: event.target.value } })} placeholder="Europe/Oslo" />
            </label>
          </>
        )}
      </div>
      <p className="muted small">
        A live login alerts when its risk reaches the challenge threshold and its level this minimum. Alerts of one user or one address within the window are one
        incident, notified once, and again when its level rises.
      </p>
    </Panel>
  );
}
