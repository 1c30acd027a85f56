import { app, BrowserWindow, dialog, Menu, powerMonitor, session } from 'electron';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { EVENT_CHANNEL, EVENT_NAMES } from '../src-shared/contract/names';
import { createCore } from './core/core';
import { createSystemClock } from './core/clock';
import { parseLaunchOptions, resolveDataDir, resolveTeamLaunch, teamLaunchWarnings } from './core/launch-options';
import { holdConsoleLock } from './core/console-lock';
import { createFileTeamVault, createPostgresServer } from './core/team';
import { electronSecretProtector } from './electron/team-secrets';
import { openDataDir } from './core/data-dir';
import { startFailureLine } from './core/errors';
import { appMenuTemplate } from './electron/app-menu';
import { electronOpenDialog, electronOpenFilesDialog, electronSaveDialog } from './electron/dialogs';
import { APP_ID, STARTUP_LOG } from './electron/identity';
import { registerGate } from './electron/ipc-gate';
import { createMainWindow, type MainWindow } from './electron/main-window';
import { createElectronNotifier } from './electron/notifications';
import { rendererLocation } from './electron/renderer-url';
import { createElectronReviewExport } from './electron/review-export';
import { hardenApp, hardenSession } from './electron/security';
import { createDeskTray } from './electron/tray';
import { DEFAULT_WINDOW_STATE, type WindowState } from './electron/window-state';

/** The Electron composition root: builds the core and binds it to the Electron host. */


const log = {
  warn: (message: string) => console.warn(`[desk] ${message}`),
  error: (message: string, error: unknown) => console.error(`[desk] ${message}`, error),
};

const location = rendererLocation({
  rendererFile: join(__dirname, '../renderer/index.html'),
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  packaged: app.isPackaged,
  platform: process.platform,
});
const isOwnUrl = location.isOwnUrl;

let dataDirForLog: string | undefined;

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.setAppUserModelId(APP_ID);
  hardenApp(app, { isOwnUrl, log: log.warn });

  const options = parseLaunchOptions(process.argv.slice(1));
  const dataDir = resolveDataDir(options, process.env, () => app.getPath('userData'));
  dataDirForLog = dataDir;
  await mkdir(dataDir, { recursive: true });
  // One writer per data folder, taken before any of its files is opened (another console or an import holds it: refused).
  const lock = await holdConsoleLock(dataDir, 'electron');
  await app.whenReady();
  hardenSession(session.defaultSession, log.warn);
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ platform: process.platform, packaged: app.isPackaged })));

  const clock = createSystemClock();
  const data = await openDataDir(dataDir, clock);
  let main: MainWindow | null = null;
  const liveWindow = (): BrowserWindow | null => (main && !main.window.isDestroyed() ? main.window : null);
  const reviewExport = createElectronReviewExport({ parent: liveWindow });
  const showWindow = () => {
    const window = liveWindow();
    if (!window) return openWindow();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    return main as MainWindow;
  };
  // A click can re-create a closed window (macOS keeps the app running): the case opens once its
  // page has loaded, since a message sent before then is lost.
  const openCase = (caseId: string) => {
    showWindow().whenPageReady(() => core.bus.emit('ui.openCase', { caseId }));
  };
  const core = await createCore({
    host: 'electron',
    version: app.getVersion(),
    dataDir,
    clock,
    ...data,
    notifier: createElectronNotifier({ openCase, log: log.warn }),
    saveDialog: electronSaveDialog(liveWindow),
    openDialog: electronOpenDialog(liveWindow),
    openFilesDialog: electronOpenFilesDialog(liveWindow),
    reviewExport,
    log,
    team: (() => {
      const launch = resolveTeamLaunch(options, process.env);
      for (const warning of teamLaunchWarnings(options)) log.warn(warning);
      return { connect: (url: string) => createPostgresServer({ connectionString: url }), vault: createFileTeamVault(dataDir, electronSecretProtector()), ...(launch ? { launch } : {}) };
    })(),
  });
  registerGate({
    handlers: core.handlers,
    isOwnContents: (id) => liveWindow()?.webContents.id === id,
    isOwnUrl,
    log,
  });
  const offEvents = core.bus.onAny((name, payload) => {
    liveWindow()?.webContents.send(EVENT_CHANNEL, name, payload);
  }, EVENT_NAMES);

  const windowStateFile = join(dataDir, 'window-state.json');
  const openWindow = (): MainWindow => {
    let saved: unknown = DEFAULT_WINDOW_STATE;
    try {
      saved = JSON.parse(readFileSync(windowStateFile, 'utf8'));
    } catch {
      // First launch, or an unreadable file: the defaults are fine for a window position.
    }
    main = createMainWindow({
      preloadPath: join(__dirname, '../preload/index.cjs'),
      rendererUrl: location.url,
      savedState: saved,
      saveState: (state: WindowState) => data.saveWindowState(windowStateFile, state),
      devTools: !app.isPackaged,
      log: log.warn,
      onGiveUp: (reason) =>
        dialog.showErrorBox('Response Desk', `The console's page stopped (${reason}) again and again, so its window was closed. Your data is safe; open the console again from the tray or the dock.`),
    });
    main.whenPageReady(() => tray.refreshBadge());
    return main;
  };
  const tray = createDeskTray({ openCase, showWindow, quit: () => app.quit(), now: () => clock.now(), window: liveWindow });
  openWindow();
  tray.update(core.runtime.attention());
  const offAttention = core.runtime.onAttention((attention) => tray.update(attention));
  // Timers run on monotonic time: after sleep, and when the wall clock may have jumped, recompute.
  powerMonitor.on('resume', () => core.runtime.resume());
  powerMonitor.on('unlock-screen', () => core.runtime.checkClock());
  app.on('browser-window-focus', () => core.runtime.checkClock());

  app.on('second-instance', () => void showWindow());
  app.on('activate', () => {
    if (!liveWindow()) openWindow();
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
    // Nothing may reach the tray or the window once they go: unsubscribe first.
    offAttention();
    offEvents();
    tray.destroy();
    core
      .close()
      .catch((error: unknown) => log.error('closing the case store failed; the journal is replayed at the next start', error))
      .then(() => lock.release())
      .finally(() => app.exit(0));
  });
}

/** A failed start: said in a dialog (usable before 'ready') and written to the data folder's log. */
function startFailed(error: unknown): void {
  // A read-only or full disk, or a file where a folder should be: one clear line, no stack.
  const line = startFailureLine(error, dataDirForLog ?? app.getPath('userData'));
  const message = line ?? (error instanceof Error ? error.message : String(error));
  if (line) console.error(`response-desk: ${line}`);
  else log.error('the console could not start', error);
  let logFile: string | undefined;
  try {
    const folder = dataDirForLog ?? app.getPath('userData');
    mkdirSync(folder, { recursive: true });
    logFile = join(folder, STARTUP_LOG);
    const detail = error instanceof Error && error.stack ? error.stack : message;
    appendFileSync(logFile, `${new Date().toISOString()} the console could not start: ${detail}\n`);
  } catch {
    logFile = undefined;
  }
  dialog.showErrorBox('Response Desk could not start', logFile ? `${message}\n\nDetails are in ${logFile}.` : message);
  app.exit(1);
}

main().catch(startFailed);
