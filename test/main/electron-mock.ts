import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import type * as Electron from 'electron';

/**
 * The one Electron stand-in for main-process tests (Electron's binary is not available to
 * plain Node). It records what the code under test asked of Electron and behaves as Electron 45
 * documents (node_modules/electron/electron.d.ts), so code that works here works there:
 * - ready: `whenReady()` waits for the 'ready' event; BrowserWindow, Tray, `screen` and
 *   `session.defaultSession` throw before it, as Electron does.
 * - a page has a load lifecycle: `loadURL` resolves once the page finished loading and rejects
 *   when it fails (as Chromium refuses a data: URL over 2 MB); messages sent before
 *   'did-finish-load' are lost; a crashed renderer loses its page until it is reloaded.
 * - destroyed objects: `isDestroyed()` is true after `destroy()`/`close()`; a BrowserWindow
 *   throws "Object has been destroyed" and a Tray "Tray is destroyed" when used afterwards.
 * - platform: `setPlatform()` sets `process.platform` for the code under test, and the results
 *   that depend on it follow it (badge, notification support and failures, handleActivation).
 * - `once` listeners fire once.
 * The shapes are checked against electron.d.ts by the compiler at the bottom of this file.
 */

type Listener = (...args: never[]) => unknown;

class Emitter {
  private readonly table = new Map<string, { listener: Listener; once: boolean }[]>();
  on(name: string, listener: Listener) {
    this.table.set(name, [...(this.table.get(name) ?? []), { listener, once: false }]);
    return this;
  }
  addListener(name: string, listener: Listener) {
    return this.on(name, listener);
  }
  once(name: string, listener: Listener) {
    this.table.set(name, [...(this.table.get(name) ?? []), { listener, once: true }]);
    return this;
  }
  removeListener(name: string, listener: Listener) {
    const entries = this.table.get(name) ?? [];
    const at = entries.findIndex((entry) => entry.listener === listener);
    if (at >= 0) this.table.set(name, [...entries.slice(0, at), ...entries.slice(at + 1)]);
    return this;
  }
  off(name: string, listener: Listener) {
    return this.removeListener(name, listener);
  }
  removeAllListeners(name?: string) {
    if (name === undefined) this.table.clear();
    else this.table.delete(name);
    return this;
  }
  listenerCount(name: string) {
    return (this.table.get(name) ?? []).length;
  }
  emit(name: string, ...args: unknown[]) {
    const entries = this.table.get(name) ?? [];
    this.table.set(name, entries.filter((entry) => !entry.once));
    for (const entry of entries) (entry.listener as (...a: unknown[]) => unknown)(...args);
    return entries.length > 0;
  }
}

/** What a test sets about the machine the console runs on. */
export const mockEnv = {
  platform: process.platform as NodeJS.Platform,
  packaged: false,
  notificationsSupported: true,
  /** When set, a shown notification emits 'failed' with this error (macOS and Windows only). */
  notificationFailure: undefined as string | undefined,
  /** URLs whose load fails, as Chromium reports it. */
  failingUrls: new Set<string>(),
  /** While true, page loads wait for finishLoads(): a test can look at a window before its first paint. */
  holdLoads: false,
  ready: true,
  /** Whether the system offers a keyring to safeStorage (Linux without a secret service does not). */
  encryptionAvailable: true,
};

const realPlatform = process.platform;

/** Sets the platform the code under test sees through `process.platform`. */
export function setPlatform(platform: NodeJS.Platform): void {
  mockEnv.platform = platform;
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}

/** Back to a ready app on the real platform with no windows, trays or notifications. */
export function resetElectron(options: { ready?: boolean; platform?: NodeJS.Platform } = {}): void {
  setPlatform(options.platform ?? realPlatform);
  mockEnv.packaged = false;
  mockEnv.notificationsSupported = true;
  mockEnv.notificationFailure = undefined;
  mockEnv.failingUrls.clear();
  mockEnv.ready = options.ready ?? true;
  mockEnv.holdLoads = false;
  mockEnv.encryptionAvailable = true;
  readyWaiters.length = 0;
  heldLoads.length = 0;
  BrowserWindow.created.length = 0;
  Tray.created.length = 0;
  Notification.shown.length = 0;
  Notification.activationHandler = undefined;
  Menu.applicationMenu = null;
  app.removeAllListeners();
  app.badgeCount = 0;
  ipcMain.handlers.clear();
  vi.clearAllMocks();
}

function requireReady(what: string): void {
  if (!mockEnv.ready) throw new Error(what);
}

const readyWaiters: (() => void)[] = [];
const heldLoads: (() => void)[] = [];

/** Lets every held page load finish (see mockEnv.holdLoads). */
export function finishLoads(): void {
  mockEnv.holdLoads = false;
  for (const finish of heldLoads.splice(0)) finish();
}

let nextContentsId = 1;

/** Chromium refuses data: URLs longer than this (2 MB). */
export const DATA_URL_LIMIT = 2 * 1024 * 1024;

export class MockWebContents extends Emitter {
  readonly id = nextContentsId++;
  private url = '';
  private loading = false;
  private loaded = false;
  private destroyed = false;
  /** Messages the page received (sent after it finished loading). */
  readonly delivered: { channel: string; args: unknown[] }[] = [];
  /** Messages sent while no page was loaded: Electron drops them. */
  readonly lost: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
  readonly mainFrame: { url: string; parent: null };
  constructor(private readonly owner?: BrowserWindow) {
    super();
    const currentUrl = () => this.url;
    this.mainFrame = {
      get url() {
        return currentUrl();
      },
      parent: null,
    };
  }
  readonly send = vi.fn((channel: string, ...args: unknown[]) => {
    this.checkAlive();
    (this.loaded ? this.delivered : this.lost).push({ channel, args });
  });
  readonly loadURL = vi.fn((url: string): Promise<void> => {
    this.checkAlive();
    this.url = url;
    this.loading = true;
    this.loaded = false;
    return new Promise<void>((resolve, reject) => {
      const finish = () => {
        if (this.destroyed) return reject(new Error('ERR_ABORTED (-3) loading ' + JSON.stringify(url.slice(0, 80))));
        this.loading = false;
        const tooLong = url.startsWith('data:') && url.length > DATA_URL_LIMIT;
        if (tooLong || mockEnv.failingUrls.has(url)) {
          const [code, text] = tooLong ? [-300, 'ERR_INVALID_URL'] : [-6, 'ERR_FILE_NOT_FOUND'];
          this.emit('did-fail-load', {}, code, text, url, true);
          reject(new Error(`${text} (${code}) loading '${url.slice(0, 80)}'`));
          return;
        }
        this.loaded = true;
        this.emit('dom-ready', {});
        this.emit('did-finish-load', {});
        this.owner?.pageLoaded();
        resolve();
      };
      if (mockEnv.holdLoads) heldLoads.push(finish);
      else setImmediate(finish);
    });
  });
  readonly printToPDF = vi.fn(async (_options: Electron.PrintToPDFOptions) => {
    this.checkAlive();
    if (!this.loaded) throw new Error('printToPDF: no page is loaded');
    return Buffer.from('%PDF-1.7 mock');
  });
  readonly reload = vi.fn(() => {
    this.checkAlive();
    void this.loadURL(this.url).catch(() => undefined);
  });
  getURL() {
    return this.url;
  }
  isLoading() {
    return this.loading;
  }
  isDestroyed() {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }) {
    this.windowOpenHandler = handler;
  }
  /** Test helper: the renderer process dies, as 'render-process-gone' reports it. */
  crash(reason: Electron.RenderProcessGoneDetails['reason'] = 'crashed') {
    this.loaded = false;
    this.emit('render-process-gone', {}, { reason, exitCode: 139 });
  }
  destroyInternal() {
    this.destroyed = true;
    this.loaded = false;
    this.emit('destroyed');
  }
  private checkAlive() {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
  }
}

export class BrowserWindow extends Emitter {
  static readonly created: BrowserWindow[] = [];
  static getAllWindows() {
    return BrowserWindow.created.filter((window) => !window.isDestroyed());
  }
  readonly webContents: MockWebContents;
  private visible: boolean;
  private destroyed = false;
  private maximized = false;
  private minimized = false;
  private shownOnce = false;
  overlay: { image: unknown; description: string } | null = null;
  constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
    super();
    requireReady('Cannot create BrowserWindow before app is ready');
    this.visible = options.show !== false;
    this.webContents = new MockWebContents(this);
    BrowserWindow.created.push(this);
  }
  readonly loadURL = vi.fn((url: string) => {
    this.checkAlive();
    return this.webContents.loadURL(url);
  });
  readonly loadFile = vi.fn((path: string) => {
    this.checkAlive();
    return this.webContents.loadURL(`file://${path}`);
  });
  readonly show = vi.fn(() => {
    this.checkAlive();
    this.visible = true;
    this.minimized = false;
  });
  readonly hide = vi.fn(() => {
    this.checkAlive();
    this.visible = false;
  });
  readonly focus = vi.fn(() => {
    this.checkAlive();
  });
  /** Electron shows a hidden window when it is maximized. */
  readonly maximize = vi.fn(() => {
    this.checkAlive();
    this.maximized = true;
    this.visible = true;
  });
  readonly restore = vi.fn(() => {
    this.checkAlive();
    this.minimized = false;
    this.visible = true;
  });
  readonly minimize = vi.fn(() => {
    this.checkAlive();
    this.minimized = true;
  });
  readonly setOverlayIcon = vi.fn((image: Electron.NativeImage | null, description: string) => {
    this.checkAlive();
    // Windows only; elsewhere the call does nothing.
    if (mockEnv.platform === 'win32') this.overlay = image ? { image, description } : null;
  });
  readonly close = vi.fn(() => {
    if (this.destroyed) return;
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroy();
  });
  readonly destroy = vi.fn(() => {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroyInternal();
    this.emit('closed');
  });
  isDestroyed() {
    return this.destroyed;
  }
  isVisible() {
    this.checkAlive();
    return this.visible;
  }
  isMaximized() {
    this.checkAlive();
    return this.maximized;
  }
  isMinimized() {
    this.checkAlive();
    return this.minimized;
  }
  getNormalBounds() {
    this.checkAlive();
    return { x: 10, y: 20, width: 1200, height: 800 };
  }
  /** Called by the page when its first load finished: 'ready-to-show' comes once. */
  pageLoaded() {
    if (this.shownOnce || this.destroyed) return;
    this.shownOnce = true;
    this.emit('ready-to-show');
  }
  private checkAlive() {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
  }
}

export const ipcMain = {
  handlers: new Map<string, (...args: unknown[]) => unknown>(),
  handle: vi.fn((channel: string, handler: (...args: never[]) => unknown) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler as (...args: unknown[]) => unknown);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
};

export const ipcRenderer = Object.assign(new Emitter(), { invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })) });

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed.set(key, api);
  }),
};

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

export const dialog = {
  showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({ canceled: true, filePath: '' })),
  showOpenDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> => ({ canceled: true, filePaths: [] })),
  /** Usable before 'ready', as in Electron: the one way to tell the user that start-up failed. */
  showErrorBox: vi.fn((_title: string, _content: string) => undefined),
};

const defaultSession = {
  setPermissionRequestHandler: vi.fn(),
  setPermissionCheckHandler: vi.fn(),
  setSpellCheckerEnabled: vi.fn((_enable: boolean) => undefined),
  setSpellCheckerDictionaryDownloadURL: vi.fn((_url: string) => undefined),
};

export const session = {
  get defaultSession() {
    requireReady('Session can only be received when app is ready');
    return defaultSession;
  },
};

export const screen = {
  getAllDisplays: vi.fn(() => {
    requireReady("The 'screen' module can't be used before the app 'ready' event");
    return [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
  }),
};

const packageJson = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { name: string; productName?: string };

/** Electron's appData per platform, and userData = appData + the app's name (productName, else name). */
function appDataFor(platform: NodeJS.Platform): string {
  const home = process.env.HOME ?? '/home/test';
  if (platform === 'win32') return process.env.APPDATA ?? join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return process.env.XDG_CONFIG_HOME ?? join(home, '.config');
}

const appEmitter = new Emitter();
// A getter (Object.assign would copy its value once): a test sets mockEnv.packaged.
Object.defineProperty(appEmitter, 'isPackaged', { get: () => mockEnv.packaged, enumerable: true });

export const app = Object.assign(appEmitter as Emitter & { readonly isPackaged: boolean }, {
  badgeCount: 0,
  getName: vi.fn(() => packageJson.productName ?? packageJson.name),
  getPath: vi.fn((name: string) => {
    if (name === 'appData') return appDataFor(mockEnv.platform);
    if (name === 'userData') return join(appDataFor(mockEnv.platform), packageJson.productName ?? packageJson.name);
    if (name === 'temp') return '/tmp';
    if (name === 'logs') return join(appDataFor(mockEnv.platform), packageJson.productName ?? packageJson.name, 'logs');
    throw new Error(`Failed to get '${name}' path`);
  }),
  getVersion: vi.fn(() => '0.0.0-test'),
  setAppUserModelId: vi.fn((_id: string) => undefined),
  setDesktopName: vi.fn((_name: string) => undefined),
  requestSingleInstanceLock: vi.fn((_data?: Record<string, unknown>) => true),
  isReady: () => mockEnv.ready,
  whenReady: vi.fn(
    () =>
      new Promise<void>((resolve) => {
        if (mockEnv.ready) resolve();
        else readyWaiters.push(resolve);
      }),
  ),
  quit: vi.fn(() => undefined),
  exit: vi.fn((_code?: number) => undefined),
  /** macOS and Linux (launchers that support it); on Windows it does nothing and answers false. */
  setBadgeCount: vi.fn((count?: number) => {
    if (mockEnv.platform === 'win32') return false;
    app.badgeCount = count ?? 0;
    return true;
  }),
  /** Test helper: the app finished initializing. */
  becomeReady() {
    if (mockEnv.ready) return;
    mockEnv.ready = true;
    app.emit('ready', {}, {});
    for (const resolve of readyWaiters.splice(0)) resolve();
  },
});

export class Notification extends Emitter {
  static readonly shown: Notification[] = [];
  static activationHandler: ((details: Electron.ActivationArguments) => void) | undefined;
  static isSupported() {
    return mockEnv.notificationsSupported;
  }
  /** Windows only, as in Electron; elsewhere the method is missing. */
  static handleActivation(callback: (details: Electron.ActivationArguments) => void) {
    if (mockEnv.platform !== 'win32') throw new TypeError('Notification.handleActivation is not a function');
    Notification.activationHandler = callback;
  }
  /** Test helper: Windows activates a toast (from the screen or the Action Center). */
  static activate(details: Electron.ActivationArguments) {
    Notification.activationHandler?.(details);
  }
  closed = false;
  constructor(readonly options: Electron.NotificationConstructorOptions) {
    super();
  }
  show() {
    Notification.shown.push(this);
    const failure = mockEnv.notificationFailure;
    if (failure !== undefined && (mockEnv.platform === 'darwin' || mockEnv.platform === 'win32')) setImmediate(() => this.emit('failed', {}, failure));
    else setImmediate(() => this.emit('show', {}));
  }
  close() {
    if (this.closed) return;
    this.closed = true;
    this.emit('close', {});
  }
}

export class Tray extends Emitter {
  static readonly created: Tray[] = [];
  private tip = '';
  private contextMenu: Menu | null = null;
  private destroyed = false;
  constructor(readonly image: unknown) {
    super();
    requireReady('Cannot create Tray before app is ready');
    Tray.created.push(this);
  }
  get tooltip() {
    return this.tip;
  }
  get menu() {
    return this.contextMenu;
  }
  setToolTip(tooltip: string) {
    this.checkAlive();
    this.tip = tooltip;
  }
  setContextMenu(menu: Menu | null) {
    this.checkAlive();
    this.contextMenu = menu;
  }
  setImage(_image: unknown) {
    this.checkAlive();
  }
  destroy() {
    this.destroyed = true;
  }
  isDestroyed() {
    return this.destroyed;
  }
  private checkAlive() {
    if (this.destroyed) throw new Error('Tray is destroyed');
  }
}

type MenuItem = { label?: string; type?: string; enabled?: boolean; role?: string; accelerator?: string; click?: () => void; submenu?: MenuItem[] };

export class Menu {
  static applicationMenu: Menu | null = null;
  constructor(readonly items: MenuItem[]) {}
  static buildFromTemplate(template: MenuItem[]) {
    return new Menu(template);
  }
  static setApplicationMenu(menu: Menu | null) {
    Menu.applicationMenu = menu;
  }
  static getApplicationMenu() {
    return Menu.applicationMenu;
  }
}

export const nativeImage = {
  createFromDataURL: vi.fn((url: string) => ({ dataUrl: url, isEmpty: () => false })),
  createEmpty: vi.fn(() => ({ dataUrl: '', isEmpty: () => true })),
};

export const powerMonitor = new Emitter();

const SAFE_STORAGE_MARK = 'mock-safe-storage:';
/**
 * safeStorage as Electron has it: unavailable before 'ready' (and where the system has no keyring),
 * encryptString then throws; the ciphertext is a Buffer that only decryptString reads back.
 */
export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => mockEnv.ready && mockEnv.encryptionAvailable),
  encryptString: vi.fn((plainText: string): Buffer => {
    if (!safeStorage.isEncryptionAvailable()) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    return Buffer.from(Buffer.from(SAFE_STORAGE_MARK + Buffer.from(plainText, 'utf8').toString('base64'), 'utf8').map((byte) => byte ^ 0x5a));
  }),
  decryptString: vi.fn((encrypted: Buffer): string => {
    if (!safeStorage.isEncryptionAvailable()) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.');
    const text = Buffer.from(encrypted.map((byte) => byte ^ 0x5a)).toString('utf8');
    if (!text.startsWith(SAFE_STORAGE_MARK)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice(SAFE_STORAGE_MARK.length), 'base64').toString('utf8');
  }),
};

export default { app, BrowserWindow, ipcMain, ipcRenderer, contextBridge, shell, session, screen, Notification, Tray, Menu, nativeImage, powerMonitor, dialog, safeStorage };

// The compiler checks the stand-in against Electron's own types: what the console calls has the
// same name and a compatible signature here.
type Has<Real, Keys extends keyof Real> = { [K in Keys]: unknown };
const shapes = {
  app: app satisfies Has<Electron.App, 'getPath' | 'getName' | 'getVersion' | 'setAppUserModelId' | 'setDesktopName' | 'requestSingleInstanceLock' | 'isReady' | 'whenReady' | 'quit' | 'exit' | 'setBadgeCount' | 'isPackaged' | 'on' | 'once'>,
  appCalls: app satisfies Pick<Electron.App, 'isReady' | 'getName' | 'getVersion' | 'quit' | 'setBadgeCount' | 'setAppUserModelId' | 'setDesktopName'>,
  window: BrowserWindow.prototype satisfies Pick<Electron.BrowserWindow, 'show' | 'hide' | 'focus' | 'maximize' | 'restore' | 'minimize' | 'isDestroyed' | 'isVisible' | 'isMaximized' | 'isMinimized' | 'destroy' | 'close' | 'setOverlayIcon'>,
  contents: MockWebContents.prototype satisfies Pick<Electron.WebContents, 'getURL' | 'isLoading' | 'isDestroyed' | 'send'> & Has<Electron.WebContents, 'loadURL' | 'printToPDF' | 'reload' | 'setWindowOpenHandler' | 'mainFrame' | 'id'>,
  tray: Tray.prototype satisfies Pick<Electron.Tray, 'setToolTip' | 'destroy' | 'isDestroyed'> & Has<Electron.Tray, 'setContextMenu' | 'setImage'>,
  notification: Notification.prototype satisfies Pick<Electron.Notification, 'show' | 'close'>,
  notificationStatics: Notification satisfies Pick<typeof Electron.Notification, 'isSupported' | 'handleActivation'>,
  menuStatics: Menu satisfies Has<typeof Electron.Menu, 'buildFromTemplate' | 'setApplicationMenu' | 'getApplicationMenu'>,
  dialog: dialog satisfies Has<Electron.Dialog, 'showSaveDialog' | 'showOpenDialog' | 'showErrorBox'> & Pick<Electron.Dialog, 'showErrorBox'>,
  ipcMain: ipcMain satisfies Has<Electron.IpcMain, 'handle' | 'removeHandler'>,
  session: defaultSession satisfies Has<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setSpellCheckerEnabled' | 'setSpellCheckerDictionaryDownloadURL'>,
  safeStorage: safeStorage satisfies Pick<Electron.SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>,
};
void shapes;
