import { Menu, Tray, nativeImage, type NativeImage } from 'electron';

/** The tray icon: shows the open case and its state, reopens the window, quits. */
export interface StatusTray {
  setStatus(text: string): void;
  destroy(): void;
}

/** Create the tray icon from the app icon file; `show` brings the window back, `quit` leaves the app. */
export function createStatusTray(iconPath: string, actions: { show(): void; quit(): void }): StatusTray {
  const tray = new Tray(trayIcon(iconPath));
  let status = 'Starting…';
  const render = (): void => {
    tray.setToolTip(`Vigil — ${status}`);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: status, enabled: false },
        { type: 'separator' },
        { label: 'Show Vigil', click: actions.show },
        { label: 'Quit', click: actions.quit },
      ]),
    );
  };
  tray.on('click', actions.show);
  render();
  return {
    setStatus(text) {
      status = text;
      render();
    },
    destroy: () => tray.destroy(),
  };
}

/** The app icon at tray size; a diamond drawn in code if the file is missing (a broken install still shows a tray). */
function trayIcon(iconPath: string): NativeImage {
  const icon = nativeImage.createFromPath(iconPath);
  if (!icon.isEmpty()) return icon.resize({ width: 16, height: 16, quality: 'best' });
  const size = 16;
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (Math.abs(x - 7.5) + Math.abs(y - 7.5) > 7.5) continue;
      // BGRA: the accent blue of the UI.
      pixels.set([0xfc, 0x8f, 0x74, 0xff], (y * size + x) * 4);
    }
  }
  return nativeImage.createFromBitmap(pixels, { width: size, height: size });
}
