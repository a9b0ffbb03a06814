import { useState, type FormEvent } from 'react';
import { listenerKinds, type ListenerConfig, type ListenerKind } from '../../../../src-shared/api';
import { kindNames } from './listener-table';

const defaults: Record<ListenerKind, string> = { 'syslog-udp': '127.0.0.1:5514', 'syslog-tcp': '127.0.0.1:5514', 'file-tail': '/var/log/auth.log' };

/** Start a syslog listener (UDP or TCP, loopback unless a host is named) or follow a growing log file. */
export function ListenerForm({ busy, onStart }: { busy: boolean; onStart(config: ListenerConfig): void }) {
  const [kind, setKind] = useState<ListenerKind>('syslog-udp');
  const [address, setAddress] = useState(defaults['syslog-udp']);
  const [fromStart, setFromStart] = useState(false);
  const choose = (next: ListenerKind): void => {
    if (address === defaults[kind]) setAddress(defaults[next]);
    setKind(next);
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onStart(kind === 'file-tail' ? { kind, address, fromStart } : { kind, address });
  };
  return (
    <form className="import-form" onSubmit={submit} aria-label="Start a listener">
      <div className="form-row">
        <label className="field">
          <span>Source</span>
          <select value={kind} onChange={(event) => choose(event.target.value as ListenerKind)}>
            {listenerKinds.map((name) => (
              <option key={name} value={name}>
                {kindNames[name]}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-wide">
          <span>{kind === 'file-tail' ? 'File path' : 'Listen on ([host:]port)'}</span>
          <input className="mono" value={address} onChange={(event) => setAddress(event.target.value)} required />
        </label>
        {kind === 'file-tail' && (
          <label className="field-inline">
            <input type="checkbox" checked={fromStart} onChange={(event) => setFromStart(event.target.checked)} />
            <span>Read what is already in the file</span>
          </label>
        )}
        <button type="submit" className="button-primary" disabled={busy}>
          Start
        </button>
      </div>
    </form>
  );
}
