import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REQUEST_CHANNEL, type Result } from '../../../src-shared/contract';
import type { BrowserWindow as MockWindow } from '../electron-mock';

export type ElectronMock = typeof import('../electron-mock');

export interface CompositionRoot {
  /** This test's data folder (RESPONSE_DESK_DATA), removed after it. */
  readonly dir: string;
  /** The Electron mock this test's composition root is given: fresh each test, the app not ready yet. */
  readonly electron: ElectronMock;
  /** Starts the console: the composition root waits for 'ready', as Electron makes it; resolves with the loaded main window. */
  launch(): Promise<MockWindow>;
  /** A request through the one IPC gate, as the main window's page sends it. */
  request<T = unknown>(window: MockWindow, name: string, input: unknown): Promise<Result<T>>;
}

/** The composition root (src-main/index.ts) on the Electron mock, new for each test of the file; call at the top of the file. */
export function useCompositionRoot(folderPrefix = 'desk-electron-'): CompositionRoot {
  let dir: string | undefined;
  let electron: ElectronMock | undefined;
  const mock = (): ElectronMock => {
    if (!electron) throw new Error('the Electron mock is set up in beforeEach');
    return electron;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), folderPrefix));
    process.env.RESPONSE_DESK_DATA = dir;
    // A fresh composition root for each launch, on an app that is not ready yet (as at a real start).
    vi.resetModules();
    electron = (await import('electron')) as unknown as ElectronMock;
    electron.resetElectron({ ready: false });
  });
  afterEach(async () => {
    const app = mock();
    app.app.emit('will-quit', { preventDefault: () => undefined });
    delete process.env.RESPONSE_DESK_DATA;
    // The store closes before the app exits: wait for that before removing its folder.
    if (app.BrowserWindow.created.length > 0) await vi.waitFor(() => expect(app.app.exit).toHaveBeenCalled(), { timeout: 5000 }).catch(() => undefined);
    app.resetElectron();
    if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    dir = undefined;
  });

  return {
    get dir() {
      if (!dir) throw new Error('the data folder is made in beforeEach');
      return dir;
    },
    get electron() {
      return mock();
    },
    async launch() {
      const { app, BrowserWindow } = mock();
      await import('../../../src-main/index');
      await vi.waitFor(() => expect(app.whenReady).toHaveBeenCalled(), { timeout: 5000 });
      expect(BrowserWindow.created).toHaveLength(0);
      app.becomeReady();
      await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1), { timeout: 5000 });
      const window = BrowserWindow.created[0]!;
      await vi.waitFor(() => expect(window.webContents.isLoading()).toBe(false), { timeout: 5000 });
      return window;
    },
    request<T = unknown>(window: MockWindow, name: string, input: unknown): Promise<Result<T>> {
      const handler = mock().ipcMain.handlers.get(REQUEST_CHANNEL);
      if (!handler) throw new Error('the gate is not registered');
      return handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, name, input) as Promise<Result<T>>;
    },
  };
}
