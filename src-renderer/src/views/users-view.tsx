import { useState, type FormEvent } from 'react';
import { useAppState } from '../app-state';
import { useClient } from '../client/context';
import { DataTable } from '../components/data-table';
import { Panel, ViewHeader } from '../components/panel';
import { EmptyState, ErrorMessage, Loading } from '../components/states';
import { formatCount, formatTime } from '../format';
import { useAsync } from '../hooks/use-async';
import { navigate, useRoute } from '../hooks/use-route';
import { UserProfileView } from './user-profile';

/** Find a user by name, then see how they normally log in. */
export function UsersView() {
  const client = useClient();
  const { settings, dataVersion } = useAppState();
  const route = useRoute();
  const user = route.params.get('user') ?? '';
  const [prefix, setPrefix] = useState(user);
  const matches = useAsync(() => client.listUsers(prefix, 25), [prefix, dataVersion]);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const exact = matches.data?.find((entry) => entry.user === prefix.trim());
    const chosen = exact ?? matches.data?.[0];
    if (chosen) navigate('users', { user: chosen.user });
  };

  return (
    <div className="view">
      <ViewHeader title="Users" subtitle="A user's normal behaviour: when, where and from what they log in." />
      <div className="users-layout">
        <Panel title="Find a user" className="users-search">
          <form onSubmit={submit} role="search" aria-label="Find a user">
            <label className="field field-wide">
              <span>User name starts with</span>
              <input type="search" value={prefix} onChange={(event) => setPrefix(event.target.value)} placeholder="e.g. alice" autoFocus />
            </label>
          </form>
          {matches.error && <ErrorMessage error={matches.error} onRetry={matches.reload} />}
          {!matches.data && matches.loading && <Loading />}
          {matches.data && matches.data.length === 0 && (
            <EmptyState title={prefix ? 'No user name starts with that' : 'No users in this case yet'}>{prefix ? null : 'Import logs from the Overview.'}</EmptyState>
          )}
          {matches.data && matches.data.length > 0 && (
            <DataTable
              rows={matches.data}
              rowKey={(row) => row.user}
              onRowClick={(row) => navigate('users', { user: row.user })}
              columns={[
                { header: 'User', cell: (row) => <span className={`user-name ${row.user === user ? 'strong' : ''}`} title={row.user}>{row.user}</span> },
                { header: 'Events', kind: 'number', cell: (row) => <span title={`last seen ${formatTime(row.lastTime, settings.displayTimeZone)}`}>{formatCount(row.events)}</span> },
              ]}
            />
          )}
        </Panel>
        <div className="users-profile">
          {user ? <UserProfileView key={user} user={user} /> : <EmptyState title="Choose a user">Type the start of a name, then pick the user from the list.</EmptyState>}
        </div>
      </div>
    </div>
  );
}
