import { BrowserWindow, screen } from 'electron';
import { restoreWindowState, type WindowState } from './window-state';

export interface MainWindowDeps {
  readonly preloadPath: string;
  readonly rendererUrl: string;
  readonly savedState: unknown;
  readonly saveState: (state: WindowState) => void;
  /** DevTools exist only in development builds. */
  readonly devTools: boolean;
  readonly log: (message: string) => void;
  /** A renderer that keeps crashing is given up on: the window is closed and this is called. */
  readonly onGiveUp?: (reason: string) => void;
}

/** How many renderer crashes within CRASH_WINDOW_MS are reloaded before giving up. */
export const CRASH_RELOADS = 3;
export const CRASH_WINDOW_MS = 60_000;

export interface MainWindow {
  readonly window: BrowserWindow;
  /** Runs `deliver` once the page has finished loading (at once when it already has). */
  whenPageReady(deliver: () => void): void;
}

export function createMainWindow(deps: MainWindowDeps): MainWindow {
  const state = restoreWindowState(
    deps.savedState,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Response Desk',
    backgroundColor: '#111418',
    // Kept literal here (not built by a helper) so static checks such as electronegativity see it.
    webPreferences: {
      preload: deps.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: deps.devTools,
      // Chromium's spellchecker downloads its dictionaries from a CDN: off in an offline console.
      spellcheck: false,
    },
  });
  // Shown once painted: maximizing a hidden window would show it before its first paint.
  window.once('ready-to-show', () => {
    if (window.isDestroyed()) return;
    if (state.maximized) window.maximize();
    window.show();
  });

  let pageReady = false;
  const waiting: (() => void)[] = [];
  window.webContents.on('did-finish-load', () => {
    pageReady = true;
    for (const deliver of waiting.splice(0)) deliver();
  });
  const crashes: number[] = [];
  window.webContents.on('render-process-gone', (_event: unknown, details: { reason: string }) => {
    pageReady = false;
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    const now = Date.now();
    crashes.push(now);
    while (crashes.length > 0 && now - (crashes[0] ?? now) > CRASH_WINDOW_MS) crashes.shift();
    if (crashes.length > CRASH_RELOADS) {
      deps.log(`the console's page stopped (${details.reason}) ${crashes.length} times in a minute; closing its window`);
      window.destroy();
      deps.onGiveUp?.(details.reason);
      return;
    }
    deps.log(`the console's page stopped (${details.reason}); reloading it`);
    window.webContents.reload();
  });

  const remember = () => {
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    deps.saveState({ ...bounds, maximized: window.isMaximized() });
  };
  window.on('close', remember);

  window.loadURL(deps.rendererUrl).catch((error: unknown) => deps.log(`the console's page did not load: ${String(error)}`));
  return {
    window,
    whenPageReady(deliver) {
      if (pageReady) deliver();
      else waiting.push(deliver);
    },
  };
}
