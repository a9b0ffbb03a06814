import { useState } from 'react';
import type { ApiError } from '../../../../src-shared/api';
import { useAppState } from '../../app-state';
import { useClient } from '../../client/context';
import { DataTable } from '../../components/data-table';
import { Panel } from '../../components/panel';
import { EmptyState, ErrorMessage, Loading } from '../../components/states';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { routeHref } from '../../hooks/use-route';

/** Accounts locked after a brute-force burst: in force first, each liftable by the analyst (audited). */
export function LockoutsPanel({ refreshKey = 0 }: { refreshKey?: number }) {
  const client = useClient();
  const { settings } = useAppState();
  const list = useAsync(() => client.listLockouts(), [refreshKey]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const zone = settings.displayTimeZone;

  const lift = async (user: string): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await client.liftLockout(user);
      list.reload();
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel title="Locked accounts">
      {list.error && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {!list.data && list.loading && <Loading />}
      {list.data && list.data.length === 0 && (
        <EmptyState title="No account is locked">A burst of failed logins on one account locks it, even against the right password, until the lock ends or you lift it.</EmptyState>
      )}
      {list.data && list.data.length > 0 && (
        <DataTable
          caption="Account locks"
          rows={list.data}
          rowKey={(row) => row.id}
          columns={[
            { header: 'User', cell: (row) => <a href={routeHref('users', { user: row.user })}>{row.user}</a> },
            { header: 'State', cell: (row) => <span className={`status ${row.active ? 'status-new' : 'status-resolved'}`}>{row.active ? 'Locked' : row.liftedAt ? `Lifted by ${row.liftedBy}` : 'Expired'}</span> },
            { header: 'Why', cell: (row) => row.reason },
            { header: 'Locked at', kind: 'mono', cell: (row) => formatTime(row.lockedAt, zone) },
            { header: 'Until', kind: 'mono', cell: (row) => formatTime(row.until, zone) },
            {
              header: 'Action',
              cell: (row) =>
                row.active ? (
                  <button type="button" className="button-secondary button-small" disabled={busy} onClick={() => void lift(row.user)} aria-label={`Lift the lock on ${row.user}`}>
                    Lift lock
                  </button>
                ) : null,
            },
          ]}
        />
      )}
      {error && <ErrorMessage error={error} />}
    </Panel>
  );
}
