import { vi } from 'vitest';

/**
 * The one Electron stand-in for main-process tests (Electron's binary is not available to
 * plain Node). It records what the code under test asked of Electron.
 */

type Listener = (...args: unknown[]) => void;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, listener: Listener) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Listener) {
    return this.on(name, listener);
  }
  removeListener(name: string, listener: Listener) {
    this.listeners.set(name, (this.listeners.get(name) ?? []).filter((l) => l !== listener));
    return this;
  }
  emit(name: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(name) ?? []) listener(...args);
    return true;
  }
}

let nextContentsId = 1;

export class MockWebContents extends Emitter {
  readonly id = nextContentsId++;
  readonly mainFrame = { url: 'file:///app/out/renderer/index.html', parent: null };
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
  readonly send = vi.fn();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly printToPDF = vi.fn(async (_options: Record<string, unknown>) => Buffer.from('%PDF-1.7 mock'));
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }) {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends Emitter {
  static readonly created: BrowserWindow[] = [];
  readonly webContents = new MockWebContents();
  readonly loadURL = vi.fn(async () => undefined);
  readonly maximize = vi.fn();
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly destroy = vi.fn();
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }
  isDestroyed() {
    return false;
  }
  isMaximized() {
    return false;
  }
  isMinimized() {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1200, height: 800 };
  }
}

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle: vi.fn((channel: string, handler: Listener) => ipcMain.handlers.set(channel, handler)),
  removeHandler: vi.fn((channel: string) => ipcMain.handlers.delete(channel)),
};

export const ipcRenderer = Object.assign(new Emitter(), { invoke: vi.fn(async () => ({ ok: true, value: null })) });

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => contextBridge.exposed.set(key, api)),
};

export const shell = { openExternal: vi.fn(async () => undefined) };

export const dialog = {
  showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({ canceled: true })),
  showOpenDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> => ({ canceled: true, filePaths: [] })),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  },
};

export const screen = { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]) };

export const app = Object.assign(new Emitter(), {
  getPath: vi.fn(() => '/tmp/response-desk-user-data'),
  getVersion: vi.fn(() => '0.0.0-test'),
  setAppUserModelId: vi.fn(),
  requestSingleInstanceLock: vi.fn(() => true),
  whenReady: vi.fn(async () => undefined),
  quit: vi.fn(),
  exit: vi.fn(),
  setBadgeCount: vi.fn(() => true),
});

export class Notification extends Emitter {
  static readonly shown: Notification[] = [];
  static isSupported() {
    return true;
  }
  constructor(readonly options: Record<string, unknown>) {
    super();
  }
  show() {
    Notification.shown.push(this);
  }
}

export class Tray extends Emitter {
  static readonly created: Tray[] = [];
  tooltip = '';
  menu: Menu | null = null;
  destroyed = false;
  constructor(readonly image: unknown) {
    super();
    Tray.created.push(this);
  }
  setToolTip(tooltip: string) {
    this.tooltip = tooltip;
  }
  setContextMenu(menu: Menu | null) {
    this.menu = menu;
  }
  destroy() {
    this.destroyed = true;
  }
}

type MenuItem = { label?: string; type?: string; enabled?: boolean; click?: () => void };

export class Menu {
  constructor(readonly items: MenuItem[]) {}
  static buildFromTemplate(template: MenuItem[]) {
    return new Menu(template);
  }
}

export const nativeImage = { createFromDataURL: vi.fn((url: string) => ({ dataUrl: url })) };

export const powerMonitor = new Emitter();

export default { app, BrowserWindow, ipcMain, ipcRenderer, contextBridge, shell, session, screen, Notification, Tray, Menu, nativeImage, powerMonitor, dialog };
