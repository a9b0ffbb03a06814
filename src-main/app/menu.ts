import { Menu, app, type MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';

/** What the File menu does; main.ts wires each to the case session and dialogs. */
export interface MenuActions {
  newCase(): void;
  openCase(): void;
  openRecent(path: string): void;
  importLogs(): void;
  exportCase(): void;
}

/** Build and install the native menu: File (cases, import, export), Edit, View, Window. */
export function installMenu(actions: MenuActions, recent: string[]): void {
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Case…', accelerator: 'CmdOrCtrl+N', click: () => actions.newCase() },
      { label: 'Open Case…', accelerator: 'CmdOrCtrl+O', click: () => actions.openCase() },
      {
        label: 'Open Recent',
        enabled: recent.length > 0,
        submenu: recent.map((path) => ({ label: basename(path), sublabel: path, click: () => actions.openRecent(path) })),
      },
      { type: 'separator' },
      { label: 'Import Logs…', accelerator: 'CmdOrCtrl+I', click: () => actions.importLogs() },
      { label: 'Export Case Copy…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportCase() },
      { type: 'separator' },
      process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    file,
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'reload' }, ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]), { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
