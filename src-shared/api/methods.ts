import type { ApiMethodName } from './contract.js';

/**
 * Every contract method name, in one list without runtime dependencies, so the sandboxed preload can
 * build the bridge from it without bundling zod. `arguments.ts` checks it against the interface.
 */
export const apiMethodNames = [
  'caseInfo',
  'openCase',
  'newCase',
  'exportCase',
  'chooseImportFiles',
  'importFiles',
  'cancelImport',
  'listSources',
  'listRejects',
  'overview',
  'riskOverview',
  'queryEvents',
  'getEvent',
  'listUsers',
  'userProfile',
  'timeline',
  'getSettings',
  'setSettings',
  'trainingStatus',
  'trainModels',
  'cancelTraining',
  'listModelRuns',
  'runEvaluation',
  'listIncidents',
  'getIncident',
  'updateIncident',
  'exportIncidents',
  'listAllowList',
  'addAllowListEntry',
  'removeAllowListEntry',
  'listLockouts',
  'liftLockout',
  'liveStatus',
  'startLive',
  'stopLive',
  'startDemo',
  'stopDemo',
] as const satisfies readonly ApiMethodName[];

/** The IPC channel a method is bound to in Electron. */
export function ipcChannel(method: ApiMethodName): string {
  return `vigil:${method}`;
}

/** The IPC channel pushed events arrive on in Electron. */
export const eventChannel = 'vigil:event';

/** Whether a string names a contract method (for routing untrusted input). */
export function isApiMethodName(name: string): name is ApiMethodName {
  return (apiMethodNames as readonly string[]).includes(name);
}
