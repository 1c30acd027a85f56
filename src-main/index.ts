import { app, BrowserWindow, powerMonitor, session } from 'electron';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EVENT_CHANNEL, EVENT_NAMES } from '../src-shared/contract/names';
import { createCore } from './core/core';
import { createSystemClock } from './core/clock';
import { parseLaunchOptions, resolveDataDir } from './core/launch-options';
import { openDataDir } from './core/data-dir';
import { electronOpenDialog, electronSaveDialog } from './electron/dialogs';
import { registerGate } from './electron/ipc-gate';
import { createMainWindow } from './electron/main-window';
import { createElectronNotifier } from './electron/notifications';
import { createElectronReviewExport } from './electron/review-export';
import { hardenApp, hardenSession } from './electron/security';
import { createDeskTray } from './electron/tray';
import { DEFAULT_WINDOW_STATE, type WindowState } from './electron/window-state';

/** The Electron composition root: builds the core and binds it to the Electron host. */

const APP_ID = 'dev.responsedesk.console';
const log = {
  warn: (message: string) => console.warn(`[desk] ${message}`),
  error: (message: string, error: unknown) => console.error(`[desk] ${message}`, error),
};

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = join(__dirname, '../renderer/index.html');
const rendererUrl = devServerUrl ?? pathToFileURL(rendererFile).toString();
const isOwnUrl = (url: string) => {
  if (devServerUrl) return url.startsWith(devServerUrl);
  return url.split('#')[0]?.split('?')[0] === pathToFileURL(rendererFile).toString();
};

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.setAppUserModelId(APP_ID);
  hardenApp(app, { isOwnUrl, log: log.warn });

  const options = parseLaunchOptions(process.argv.slice(1));
  const dataDir = resolveDataDir(options, process.env, () => app.getPath('userData'));
  await mkdir(dataDir, { recursive: true });
  await app.whenReady();
  hardenSession(session.defaultSession, log.warn);

  const clock = createSystemClock();
  const data = await openDataDir(dataDir, clock);
  let window: BrowserWindow | null = null;
  const reviewExport = createElectronReviewExport({ parent: () => (window && !window.isDestroyed() ? window : null) });
    const showWindow = () => {
    if (!window || window.isDestroyed()) return openWindow();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  const openCase = (caseId: string) => {
    showWindow();
    core.bus.emit('ui.openCase', { caseId });
  };
  const core = await createCore({
    host: 'electron',
    version: app.getVersion(),
    dataDir,
    clock,
    ...data,
    notifier: createElectronNotifier({ openCase, log: log.warn }),
    saveDialog: electronSaveDialog(() => window),
    openDialog: electronOpenDialog(() => window),
    reviewExport,
    log,
  });

  registerGate({
    handlers: core.handlers,
    isOwnContents: (id) => window !== null && !window.isDestroyed() && window.webContents.id === id,
    isOwnUrl,
    log,
  });
  core.bus.onAny((name, payload) => {
    if (window && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
  }, EVENT_NAMES);

  const windowStateFile = join(dataDir, 'window-state.json');
  const openWindow = () => {
    let saved: unknown = DEFAULT_WINDOW_STATE;
    try {
      saved = JSON.parse(readFileSync(windowStateFile, 'utf8'));
    } catch {
      // First launch, or an unreadable file: the defaults are fine for a window position.
    }
    window = createMainWindow({
      preloadPath: join(__dirname, '../preload/index.cjs'),
      rendererUrl,
      savedState: saved,
      saveState: (state: WindowState) => data.saveWindowState(windowStateFile, state),
    });
  };
  openWindow();

  const tray = createDeskTray({ openCase, showWindow, quit: () => app.quit(), now: () => clock.now() });
  tray.update(core.runtime.attention());
  core.runtime.onAttention((attention) => tray.update(attention));
  // Timers run on monotonic time: after sleep, and when the wall clock may have jumped, recompute.
  powerMonitor.on('resume', () => core.runtime.resume());
  powerMonitor.on('unlock-screen', () => core.runtime.checkClock());
  app.on('browser-window-focus', () => core.runtime.checkClock());

  app.on('second-instance', showWindow);
  app.on('activate', () => {
    if (!window || window.isDestroyed()) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Quit waits for the store's last checkpoint, so the data files are current and the journal empty.
  let closed = false;
  app.on('will-quit', (event: Electron.Event) => {
    if (closed) return;
    event.preventDefault();
    closed = true;
    tray.destroy();
    core
      .close()
      .catch((error: unknown) => log.error('closing the case store failed; the journal is replayed at the next start', error))
      .finally(() => app.exit(0));
  });
}

main().catch((error: unknown) => {
  log.error('the console could not start', error);
  app.exit(1);
});
