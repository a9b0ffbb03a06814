import { useState } from 'react';
import { listenerKinds, type ListenerKind } from '../../../src-shared/api';
import { useAppState } from '../app-state';
import { useClient } from '../client/context';
import { DataTable } from '../components/data-table';
import { Panel, ViewHeader } from '../components/panel';
import { EmptyState, ErrorMessage, Loading } from '../components/states';
import { formatCount, formatTime } from '../format';
import { useAsync } from '../hooks/use-async';
import { LockoutsPanel } from './response/lockouts-panel';

const kindNames: Record<ListenerKind, string> = { 'syslog-udp': 'Syslog over UDP', 'syslog-tcp': 'Syslog over TCP', 'file-tail': 'Follow a log file' };

/** Live collection: syslog listeners and file tails that score logins as they arrive. */
export function LiveView() {
  const client = useClient();
  const { caseInfo, settings } = useAppState();
  const status = useAsync(() => client.liveStatus(), []);
  const [kind, setKind] = useState<ListenerKind>('syslog-udp');
  const [address, setAddress] = useState('127.0.0.1:5514');
  const live = caseInfo.capabilities.live;

  return (
    <div className="view">
      <ViewHeader title="Live" subtitle="Receive logins as they happen: a syslog listener or a followed log file." />
      <Panel title="Listeners">
        {status.error && <ErrorMessage error={status.error} onRetry={status.reload} />}
        {!status.data && status.loading && <Loading />}
        {status.data && status.data.listeners.length === 0 && <EmptyState title="Not listening">No listener or file tail is running for this case.</EmptyState>}
        {status.data && status.data.listeners.length > 0 && (
          <DataTable
            rows={status.data.listeners}
            rowKey={(row) => row.id}
            columns={[
              { header: 'Kind', cell: (row) => kindNames[row.kind] },
              { header: 'Address', kind: 'mono', cell: (row) => row.address },
              { header: 'Since', kind: 'mono', cell: (row) => formatTime(row.startedAt, settings.displayTimeZone) },
              { header: 'Events', kind: 'number', cell: (row) => formatCount(row.eventsReceived) },
            ]}
          />
        )}
      </Panel>
      <LockoutsPanel />
      <Panel title="Start a listener">
        <form className="import-form" onSubmit={(event) => event.preventDefault()} aria-label="Start a listener">
          <label className="field">
            <span>Source</span>
            <select value={kind} onChange={(event) => setKind(event.target.value as ListenerKind)} disabled={!live.available}>
              {listenerKinds.map((name) => (
                <option key={name} value={name}>
                  {kindNames[name]}
                </option>
              ))}
            </select>
          </label>
          <label className="field field-wide">
            <span>{kind === 'file-tail' ? 'File path' : 'Listen on (host:port)'}</span>
            <input className="mono" value={address} onChange={(event) => setAddress(event.target.value)} disabled={!live.available} />
          </label>
          <button type="submit" className="button-primary" disabled={!live.available} aria-describedby="live-disabled-reason">
            Start
          </button>
        </form>
        {!live.available && (
          <p id="live-disabled-reason" className="notice">
            {live.reason} Logs can still be imported from files on the Overview.
          </p>
        )}
      </Panel>
    </div>
  );
}
