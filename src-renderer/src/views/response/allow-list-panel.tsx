import { useState, type FormEvent } from 'react';
import { allowListKinds, type AllowListKind, type ApiError } from '../../../../src-shared/api';
import { useAppState } from '../../app-state';
import { useClient } from '../../client/context';
import { DataTable } from '../../components/data-table';
import { Panel } from '../../components/panel';
import { EmptyState, ErrorMessage, Loading } from '../../components/states';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/use-async';

const kindNames: Record<AllowListKind, string> = { user: 'User', ip: 'Address or CIDR block', asn: 'AS number', country: 'Country code' };
const placeholders: Record<AllowListKind, string> = { user: 'svc-backup', ip: '203.0.113.0/24', asn: 'AS64500', country: 'NO' };

/** The case's allow-list: what never alerts, why, and who added it; entries can be added and removed. */
export function AllowListPanel() {
  const client = useClient();
  const { settings } = useAppState();
  const list = useAsync(() => client.listAllowList(), []);
  const [kind, setKind] = useState<AllowListKind>('ip');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await work();
      list.reload();
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const add = (event: FormEvent): void => {
    event.preventDefault();
    void act(async () => {
      await client.addAllowListEntry({ kind, value, note });
      setValue('');
      setNote('');
    });
  };

  return (
    <Panel title="Allow-list">
      <p className="muted small">Logins matching an entry keep their events and risk but never raise an alert, an incident or a notification.</p>
      {list.error && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {!list.data && list.loading && <Loading />}
      {list.data && list.data.length === 0 && <EmptyState title="Nothing allow-listed">Every login can alert. Add trusted scanners, VPN ranges or service accounts here or from an incident.</EmptyState>}
      {list.data && list.data.length > 0 && (
        <DataTable
          caption="Allow-list entries"
          rows={list.data}
          rowKey={(row) => row.id}
          columns={[
            { header: 'Kind', cell: (row) => kindNames[row.kind] },
            { header: 'Value', kind: 'mono', cell: (row) => (row.kind === 'asn' ? `AS${row.value}` : row.value) },
            { header: 'Why', cell: (row) => row.note || '—' },
            { header: 'Added', kind: 'mono', cell: (row) => `${formatTime(row.createdAt, settings.displayTimeZone)} by ${row.createdBy}` },
            {
              header: 'Remove',
              cell: (row) => (
                <button type="button" className="button-secondary button-small" disabled={busy} onClick={() => void act(() => client.removeAllowListEntry(row.id))} aria-label={`Remove ${row.value} from the allow-list`}>
                  Remove
                </button>
              ),
            },
          ]}
        />
      )}
      <form className="allow-form" aria-label="Add to allow-list" onSubmit={add}>
        <div className="form-row">
          <label className="field field-narrow">
            <span>Kind</span>
            <select value={kind} onChange={(event) => setKind(event.target.value as AllowListKind)}>
              {allowListKinds.map((name) => (
                <option key={name} value={name}>
                  {kindNames[name]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Value</span>
            <input className="mono" value={value} onChange={(event) => setValue(event.target.value)} placeholder={placeholders[kind]} required maxLength={256} />
          </label>
          <label className="field field-wide">
            <span>Why it is trusted</span>
            <input value={note} onChange={(event) => setNote(event.target.value)} maxLength={2000} placeholder="office VPN, vulnerability scanner…" />
          </label>
          <button type="submit" className="button-primary" disabled={busy || value.trim() === ''}>
            Add
          </button>
        </div>
      </form>
      {error && <ErrorMessage error={error} />}
    </Panel>
  );
}
