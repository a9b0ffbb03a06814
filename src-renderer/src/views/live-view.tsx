import { useState } from 'react';
import type { ApiError, LiveStatus, RaisedAlert } from '../../../src-shared/api';
import { useAppState } from '../app-state';
import { useClient } from '../client/context';
import { Panel, ViewHeader } from '../components/panel';
import { EmptyState, ErrorMessage, Loading } from '../components/states';
import { formatCount } from '../format';
import { useAsync } from '../hooks/use-async';
import { useVigilEvent } from '../hooks/use-vigil-event';
import { DemoPanel } from './live/demo-panel';
import { LiveAlerts } from './live/live-alerts';
import { ListenerForm } from './live/listener-form';
import { ListenerTable } from './live/listener-table';
import { LockoutsPanel } from './response/lockouts-panel';

/** Alerts kept on screen. */
const alertsShown = 50;

/** Live collection: syslog listeners and file tails scored as logins arrive, their alerts, account locks and the trainer demo. */
export function LiveView() {
  const client = useClient();
  const { settings } = useAppState();
  const loaded = useAsync(() => client.liveStatus(), []);
  const [pushed, setPushed] = useState<LiveStatus | null>(null);
  const [alerts, setAlerts] = useState<RaisedAlert[]>([]);
  const [locks, setLocks] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const status = pushed ?? loaded.data;
  const zone = settings.displayTimeZone;

  useVigilEvent((event) => {
    if (event.type === 'liveStatus') setPushed(event.status);
    if (event.type === 'alertRaised') {
      setAlerts((previous) => [event.alert, ...previous].slice(0, alertsShown));
      if (event.alert.lockedUntil !== null) setLocks((count) => count + 1);
    }
  });

  const act = async (work: () => Promise<LiveStatus>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      setPushed(await work());
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="view view-live">
      <ViewHeader title="Live" subtitle="Receive logins as they happen (syslog over UDP or TCP, a followed log file), scored and alerted on as they arrive." />
      {error && <ErrorMessage error={error} />}
      <Panel title="Listeners">
        {loaded.error && <ErrorMessage error={loaded.error} onRetry={loaded.reload} />}
        {!status && loaded.loading && <Loading />}
        {status && (
          <>
            <p className="live-summary" role="status" aria-label="Live scoring">
              {status.failure ? (
                <span className="text-danger">Live collection stopped: {status.failure}</span>
              ) : status.scoring.runId !== null ? (
                <>Scoring with run #{status.scoring.runId}</>
              ) : (
                <>Not scoring: {status.scoring.reason}</>
              )}{' '}
              · {formatCount(status.alerts)} alert{status.alerts === 1 ? '' : 's'} raised · events per minute (last 5): {status.recentRate.map(formatCount).join(' · ')}
              {status.deliveries > 0 && <> · {formatCount(status.deliveries)} e-mail/webhook deliveries waiting</>}
            </p>
            {status.listeners.length === 0 ? (
              <EmptyState title="Not listening">No listener or file tail is running for this case. Start one below; point rsyslog or a device at it.</EmptyState>
            ) : (
              <ListenerTable listeners={status.listeners} zone={zone} busy={busy} onStop={(id) => void act(() => client.stopLive(id))} />
            )}
          </>
        )}
        <ListenerForm busy={busy} onStart={(config) => void act(() => client.startLive(config))} />
      </Panel>
      <Panel title="Live alerts">
        <LiveAlerts alerts={alerts} zone={zone} />
      </Panel>
      <LockoutsPanel refreshKey={locks} />
      {status && (
        <Panel title="Trainer demo">
          <DemoPanel status={status} busy={busy} onStart={(request) => void act(() => client.startDemo(request))} onStop={() => void act(() => client.stopDemo())} />
        </Panel>
      )}
    </div>
  );
}
