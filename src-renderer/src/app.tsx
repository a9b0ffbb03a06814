import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiError, CaseInfo, Settings } from '../../src-shared/api';
import { AppStateContext, type AppState } from './app-state';
import { useClient } from './client/context';
import { Sidebar } from './components/sidebar';
import { ErrorMessage, Loading } from './components/states';
import { useRoute, type ViewName } from './hooks/use-route';
import { useVigilEvent } from './hooks/use-vigil-event';
import { AccessRequired } from './views/access-required';
import { AlertsView } from './views/alerts-view';
import { EventsView } from './views/events-view';
import { LiveView } from './views/live-view';
import { OverviewView } from './views/overview-view';
import { SettingsView } from './views/settings-view';
import { TimelineView } from './views/timeline-view';
import { TrainingView } from './views/training-view';
import { UsersView } from './views/users-view';

const views: Record<ViewName, () => React.JSX.Element> = {
  overview: OverviewView,
  events: EventsView,
  users: UsersView,
  timeline: TimelineView,
  training: TrainingView,
  alerts: AlertsView,
  live: LiveView,
  settings: SettingsView,
};

/** The application shell: loads the case and settings, keeps them fresh, and shows the routed view. */
export function App() {
  const client = useClient();
  const route = useRoute();
  const [caseInfo, setCaseInfo] = useState<CaseInfo | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [dataVersion, setDataVersion] = useState(0);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    Promise.all([client.caseInfo(), client.getSettings()])
      .then(([info, loaded]) => {
        setCaseInfo(info);
        setSettings(loaded);
        setError(null);
      })
      .catch((reason: ApiError) => setError(reason));
  }, [client, attempt]);

  useVigilEvent((event) => {
    if (event.type === 'caseChanged') {
      setCaseInfo(event.info);
      setDataVersion((version) => version + 1);
      // A different case has different settings.
      client.getSettings().then(setSettings, () => {});
    }
    if (event.type === 'navigate' && event.href.startsWith('#/')) window.location.hash = event.href;
    // New scores change what every view shows: risk columns, alerts, the timeline's series.
    if (event.type === 'trainingFinished' && event.run?.status === 'complete') setDataVersion((version) => version + 1);
  });

  const updateSettings = useCallback((next: Settings) => setSettings(next), []);
  const state = useMemo<AppState | null>(
    () => (caseInfo && settings ? { caseInfo, settings, dataVersion, updateSettings } : null),
    [caseInfo, settings, dataVersion, updateSettings],
  );

  if (error?.name === 'Unauthorized') return <AccessRequired />;
  const View = views[route.view];
  return (
    <div className="app">
      <Sidebar current={route.view} caseInfo={caseInfo} />
      <main className="main" id="main">
        {error ? (
          <ErrorMessage error={error} onRetry={() => setAttempt((value) => value + 1)} />
        ) : !state ? (
          <Loading label="Opening the case…" />
        ) : (
          <AppStateContext.Provider value={state}>
            <View key={route.view} />
          </AppStateContext.Provider>
        )}
      </main>
    </div>
  );
}
