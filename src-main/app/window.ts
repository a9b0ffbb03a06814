import { BrowserWindow, shell } from 'electron';

/** Where the main window loads the UI from, and which pages count as the app. */
export interface WindowSource {
  /** The URL to load: vigil://app/index.html, or the dev server in development. */
  url: string;
  /** URL prefixes that belong to the app (navigation elsewhere is blocked). */
  trustedPrefixes: string[];
  preload: string;
  /** The app icon (resources/icon.png); Linux shows it in the title bar and task switcher. */
  icon: string;
}

/**
 * The one window: sandboxed, context-isolated, no Node in the page. Navigation away from the app and
 * new windows are refused; http(s) links open in the user's browser instead.
 */
export function createMainWindow(source: WindowSource, title: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 920,
    minWidth: 960,
    minHeight: 600,
    title,
    icon: source.icon,
    show: false,
    backgroundColor: '#f4f6f9',
    webPreferences: {
      preload: source.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  const isApp = (url: string): boolean => source.trustedPrefixes.some((prefix) => url.startsWith(prefix));
  window.webContents.on('will-navigate', (event, url) => {
    if (!isApp(url)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!isApp(url)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(source.url);
  return window;
}
