// The Electron main process: one sandboxed window on the app's own origin, the contract bound to IPC,
// a native menu, a tray and notifications. Everything else is the engine, shared with the CLI and server.
import { BrowserWindow, app, session as electronSession } from 'electron';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventChannel, type VigilEvent } from '../../src-shared/api.js';
import { createCaseSession, type CaseSession } from './case-session.js';
import { askLogFiles, askOpenCase, askSaveCase, showError } from './dialogs.js';
import { bindContract, trustedFrames } from './ipc.js';
import { installMenu } from './menu.js';
import { notifyFor } from './notifications.js';
import { appOrigin, registerAppScheme, serveRenderer } from './protocol.js';
import { recentCases } from './recent-cases.js';
import { createStatusTray, type StatusTray } from './tray.js';
import { createMainWindow } from './window.js';

const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const preload = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
// electron-vite dev serves the renderer with hot reload; the built app uses vigil://app/.
const devServer = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const pageUrl = devServer ?? `${appOrigin}index.html`;
const trustedPrefixes = devServer ? [new URL(devServer).origin + '/'] : [appOrigin];
// The icon ships beside the app (electron-builder's extraResources); in development it is read from resources/.
const appIcon = app.isPackaged ? join(process.resourcesPath, 'icon.png') : join(app.getAppPath(), 'resources', 'icon.png');

// In development node_modules/better-sqlite3 is built for plain Node (the CLI and tests use it); `npm start`
// first builds a copy for Electron (bin/build-electron-sqlite.js), which the engine and its workers load.
// A packaged app has its own copy rebuilt by electron-builder.
if (!app.isPackaged) {
  process.env.VIGIL_SQLITE_BINDING ??= join(app.getAppPath(), 'node_modules', '.vigil-electron', `better-sqlite3-electron-${process.versions.electron}`, 'build', 'Release', 'better_sqlite3.node');
}

app.enableSandbox();
registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();
else void app.whenReady().then(start);

async function start(): Promise<void> {
  serveRenderer(rendererDir);
  // The UI needs no camera, location, notifications-from-page or anything else a page can ask for.
  electronSession.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  app.on('web-contents-created', (_event, contents) => contents.on('will-attach-webview', (attach) => attach.preventDefault()));

  const recent = recentCases(join(app.getPath('userData'), 'recent-cases.json'));
  let window: BrowserWindow | null = null;
  let tray: StatusTray | null = null;
  const focus = (href?: string): void => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    if (href) window.webContents.send(eventChannel, { type: 'navigate', href } satisfies VigilEvent);
  };

  const emit = (event: VigilEvent): void => {
    window?.webContents.send(eventChannel, event);
    notifyFor(event, focus);
    if (event.type === 'importProgress') {
      const { bytesRead, bytesTotal } = event.progress;
      tray?.setStatus(`Importing ${basename(event.progress.path)}: ${bytesTotal > 0 ? Math.round((bytesRead / bytesTotal) * 100) : 0} %`);
    } else if (event.type === 'caseChanged') {
      tray?.setStatus(`${event.info.name}: ${event.info.counts.events.toLocaleString('en-US')} events`);
      window?.setTitle(`Vigil — ${event.info.name}`);
    } else if (event.type === 'liveStatus' && event.status.listeners.length > 0) {
      const stored = event.status.listeners.reduce((sum, listener) => sum + listener.stored, 0);
      tray?.setStatus(`Listening on ${event.status.listeners.length}: ${stored.toLocaleString('en-US')} events, ${event.status.alerts.toLocaleString('en-US')} alerts`);
    }
  };

  const session: CaseSession = createCaseSession(caseFromArguments(process.argv) ?? initialCase(recent.list()), {
    emit,
    desktop: () => ({ chooseImportFiles: () => askLogFiles(window) }),
    onOpened: (path) => {
      recent.add(path);
      installMenu(menuActions(), recent.list());
    },
  });
  const run = (title: string, action: () => Promise<unknown>): void => {
    action().catch((error: unknown) => showError(window, title, error));
  };
  function menuActions() {
    return {
      newCase: () => run('Cannot create the case', async () => {
        const path = await askSaveCase(window, 'New case', 'New case.vigil');
        if (path) await session.api().newCase(path);
      }),
      openCase: () => run('Cannot open the case', async () => {
        const path = await askOpenCase(window);
        if (path) await session.api().openCase(path);
      }),
      openRecent: (path: string) => run('Cannot open the case', () => session.api().openCase(path)),
      importLogs: () => run('Import failed', async () => {
        const paths = await askLogFiles(window);
        if (paths.length > 0) await session.api().importFiles(paths, {});
      }),
      exportCase: () => run('Cannot export the case', async () => {
        const path = await askSaveCase(window, 'Export case copy', `${basename(session.path(), '.vigil')} copy.vigil`);
        if (path) await session.api().exportCase(path);
      }),
    };
  }

  bindContract(() => session.api(), trustedFrames(trustedPrefixes));
  window = createMainWindow({ url: pageUrl, trustedPrefixes, preload, icon: appIcon }, `Vigil — ${basename(session.path())}`);
  window.on('closed', () => (window = null));
  tray = createStatusTray(appIcon, { show: focus, quit: () => app.quit() });
  const info = await session.api().caseInfo();
  tray.setStatus(`${info.name}: ${info.counts.events.toLocaleString('en-US')} events`);

  // A second launch (e.g. double-clicking a .vigil file) focuses this window and opens its case.
  app.on('second-instance', (_event, argv) => {
    focus();
    const path = caseFromArguments(argv);
    if (path) run('Cannot open the case', () => session.api().openCase(path));
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    run('Cannot open the case', () => session.api().openCase(path));
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createMainWindow({ url: pageUrl, trustedPrefixes, preload, icon: appIcon }, `Vigil — ${basename(session.path())}`);
  });
  app.on('will-quit', () => {
    tray?.destroy();
    void session.close();
  });
}

/** A case file named on the command line (the OS passes it when a .vigil file is opened), if any. */
function caseFromArguments(argv: string[]): string | null {
  return argv.slice(1).find((argument) => argument.endsWith('.vigil') && existsSync(argument)) ?? null;
}

/** The most recent case, or a new one in Documents/Vigil on first start. */
function initialCase(recent: string[]): string {
  if (recent[0]) return recent[0];
  const path = join(app.getPath('documents'), 'Vigil', 'Untitled.vigil');
  mkdirSync(dirname(path), { recursive: true });
  return path;
}
