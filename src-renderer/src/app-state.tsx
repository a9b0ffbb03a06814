import { createContext, useContext } from 'react';
import type { CaseInfo, Settings } from '../../src-shared/api';

/** What every view may need: the open case, the settings, and a counter that changes when the data does. */
export interface AppState {
  caseInfo: CaseInfo;
  settings: Settings;
  /** Increments after each import, finished training or case switch: views include it in their load keys to refresh. */
  dataVersion: number;
  updateSettings(settings: Settings): void;
}

export const AppStateContext = createContext<AppState | null>(null);

/** The shared application state. */
export function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (!state) throw new Error('useAppState outside <AppStateContext.Provider>');
  return state;
}
