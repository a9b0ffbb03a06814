import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';

const caseFilters = [{ name: 'Vigil case', extensions: ['vigil'] }];
const logFilters = [
  { name: 'Logs', extensions: ['csv', 'log', 'json', 'jsonl', 'ndjson', 'gz', 'txt'] },
  { name: 'All files', extensions: ['*'] },
];

/** Ask for an existing case file; null when cancelled. */
export async function askOpenCase(window: BrowserWindow | null): Promise<string | null> {
  const options = { title: 'Open case', filters: caseFilters, properties: ['openFile' as const] };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Ask where to create a new case (or write an export); null when cancelled. */
export async function askSaveCase(window: BrowserWindow | null, title: string, name: string): Promise<string | null> {
  const options = { title, defaultPath: join(app.getPath('documents'), name), filters: caseFilters };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** Ask for log files to import; [] when cancelled. */
export async function askLogFiles(window: BrowserWindow | null): Promise<string[]> {
  const options = { title: 'Import logs', filters: logFilters, properties: ['openFile' as const, 'multiSelections' as const] };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

/** Tell the user an action failed. */
export function showError(window: BrowserWindow | null, title: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
  if (window) void dialog.showMessageBox(window, { type: 'error', title, message: title, detail: message });
  else dialog.showErrorBox(title, message);
}
