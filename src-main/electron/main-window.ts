import { BrowserWindow, screen } from 'electron';
import { restoreWindowState, type WindowState } from './window-state';

export interface MainWindowDeps {
  readonly preloadPath: string;
  readonly rendererUrl: string;
  readonly savedState: unknown;
  readonly saveState: (state: WindowState) => void;
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
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
      spellcheck: true,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const remember = () => {
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    deps.saveState({ ...bounds, maximized: window.isMaximized() });
  };
  window.on('close', remember);

  void window.loadURL(deps.rendererUrl);
  return window;
}
