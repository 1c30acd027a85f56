import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_CHANNEL, REQUEST_CHANNEL, type Result } from '../../../src-shared/contract';
import type { BrowserWindow as MockWindow, Menu as MockMenu } from '../electron-mock';

type ElectronMock = typeof import('../electron-mock');

let dir: string;
let electron: ElectronMock;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-electron-'));
  process.env.RESPONSE_DESK_DATA = dir;
  // A fresh composition root for each launch, on an app that is not ready yet (as at a real start).
  vi.resetModules();
  electron = (await import('electron')) as unknown as ElectronMock;
  electron.resetElectron({ ready: false });
});
afterEach(async () => {
  electron.app.emit('will-quit', { preventDefault: () => undefined });
  delete process.env.RESPONSE_DESK_DATA;
  // The store closes before the app exits: wait for that before removing its folder.
  if (electron.BrowserWindow.created.length > 0) await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalled(), { timeout: 5000 }).catch(() => undefined);
  electron.resetElectron();
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

/** Starts the console: the composition root waits for 'ready', as Electron makes it. */
async function launch(): Promise<MockWindow> {
  await import('../../../src-main/index');
  await vi.waitFor(() => expect(electron.app.whenReady).toHaveBeenCalled(), { timeout: 5000 });
  expect(electron.BrowserWindow.created).toHaveLength(0);
  electron.app.becomeReady();
  await vi.waitFor(() => expect(electron.BrowserWindow.created).toHaveLength(1), { timeout: 5000 });
  const window = electron.BrowserWindow.created[0]!;
  await vi.waitFor(() => expect(window.webContents.isLoading()).toBe(false), { timeout: 5000 });
  return window;
}

function request(window: MockWindow, name: string, input: unknown): Promise<Result<unknown>> {
  const handler = electron.ipcMain.handlers.get(REQUEST_CHANNEL);
  if (!handler) throw new Error('the gate is not registered');
  return handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, name, input) as Promise<Result<unknown>>;
}

describe('the Electron composition root', () => {
  it('takes the single-instance lock, sets the app user model id, registers the one gate and opens one window', async () => {
    const window = await launch();
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(electron.app.setAppUserModelId).toHaveBeenCalledWith('dev.responsedesk.console');
    expect(electron.ipcMain.handlers.has(REQUEST_CHANNEL)).toBe(true);
    expect(window.loadURL).toHaveBeenCalledWith(expect.stringMatching(/renderer\/index\.html$/));
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('answers its own page through the gate once the page has loaded', async () => {
    const window = await launch();
    const result = await request(window, 'cases.create', { title: 'Payments down', customer: 'Acme', plan: 'premium', severity: 'P1' });
    expect(result.ok).toBe(true);
  });

  it('shows the window only once painted, and maximizes it then, not before', async () => {
    await writeFile(join(dir, 'window-state.json'), JSON.stringify({ x: 0, y: 0, width: 1200, height: 800, maximized: true }));
    electron.mockEnv.holdLoads = true;
    await import('../../../src-main/index');
    await vi.waitFor(() => expect(electron.app.whenReady).toHaveBeenCalled());
    electron.app.becomeReady();
    await vi.waitFor(() => expect(electron.BrowserWindow.created).toHaveLength(1));
    const window = electron.BrowserWindow.created[0]!;
    // Before the first load finishes the window is neither shown nor maximized (a maximize would show it).
    expect(window.isVisible()).toBe(false);
    expect(window.maximize).not.toHaveBeenCalled();
    electron.finishLoads();
    await vi.waitFor(() => expect(window.isVisible()).toBe(true));
    expect(window.isMaximized()).toBe(true);
  });

  it('opens the case from a tray click after the window was closed, once the new page has loaded', async () => {
    const first = await launch();
    const created = await request(first, 'cases.create', { title: 'Payments down', customer: 'Acme', plan: 'premium', severity: 'P1' });
    if (!created.ok) throw new Error(created.error.message);
    const caseId = (created.value as { id: string }).id;
    const tray = electron.Tray.created.at(-1)!;
    await vi.waitFor(() => expect((tray.menu as MockMenu).items.some((item) => item.label?.includes(caseId))).toBe(true));

    first.close(); // macOS: the app stays running with no window
    expect(first.isDestroyed()).toBe(true);
    (tray.menu as MockMenu).items.find((item) => item.label?.includes(caseId))?.click?.();

    expect(electron.BrowserWindow.created).toHaveLength(2);
    const second = electron.BrowserWindow.created[1]!;
    const openCase = (messages: { channel: string; args: unknown[] }[]) => messages.filter((m) => m.channel === EVENT_CHANNEL && m.args[0] === 'ui.openCase');
    expect(openCase(second.webContents.lost)).toEqual([]);
    await vi.waitFor(() => expect(openCase(second.webContents.delivered)).toEqual([{ channel: EVENT_CHANNEL, args: ['ui.openCase', { caseId }] }]));
  });

  it('reloads a crashed page', async () => {
    const window = await launch();
    window.webContents.crash('crashed');
    expect(window.webContents.reload).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(window.webContents.isLoading()).toBe(false));
  });

  it('focuses the existing window when the console is launched a second time', async () => {
    const window = await launch();
    electron.app.emit('second-instance');
    expect(window.focus).toHaveBeenCalled();
    expect(electron.BrowserWindow.created).toHaveLength(1);
  });

  it('quits at once when another instance holds the lock', async () => {
    electron.app.requestSingleInstanceLock.mockReturnValue(false);
    await import('../../../src-main/index');
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
    electron.app.becomeReady();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(electron.BrowserWindow.created).toHaveLength(0);
    electron.app.requestSingleInstanceLock.mockReturnValue(true);
  });

  it('holds the quit until the case store has closed, so its journal is checkpointed and empty, and no update reaches the gone tray', async () => {
    const window = await launch();
    expect((await readdir(join(dir, 'journal'))).filter((name) => name.endsWith('.wal'))).toHaveLength(1);
    const event = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(electron.Tray.created.at(-1)?.isDestroyed()).toBe(true);
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(0));
    expect(await readdir(join(dir, 'journal'))).toEqual([]);
    expect(window.isDestroyed()).toBe(false);
  });

  it('shows a failed start in a dialog and writes it to the data folder, then exits non-zero', async () => {
    // A file where the data folder should be.
    const file = join(dir, 'not-a-folder');
    await writeFile(file, 'x');
    process.env.RESPONSE_DESK_DATA = join(file, 'data');
    await import('../../../src-main/index');
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(1));
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('Response Desk could not start', expect.stringMatching(/not-a-folder/));
    expect(electron.BrowserWindow.created).toHaveLength(0);
    const [title] = electron.dialog.showErrorBox.mock.calls[0]!;
    expect(title).toBe('Response Desk could not start');
  });

  it('installs its own application menu, with developer items only when not packaged', async () => {
    await launch();
    const roles = (menu: MockMenu | null) => JSON.stringify(menu?.items ?? []);
    expect(roles(electron.Menu.applicationMenu)).toMatch(/toggleDevTools/);
    expect(electron.BrowserWindow.created[0]?.options.webPreferences).toMatchObject({ devTools: true, spellcheck: false });
  });
});

describe('a packaged console', () => {
  it('has no developer menu items or DevTools, and ignores ELECTRON_RENDERER_URL', async () => {
    electron.resetElectron({ ready: false });
    electron.mockEnv.packaged = true;
    process.env.ELECTRON_RENDERER_URL = 'http://127.0.0.1:9/evil';
    try {
      const window = await launch();
      expect(JSON.stringify(electron.Menu.applicationMenu?.items)).not.toMatch(/toggleDevTools|reload/i);
      expect(window.options.webPreferences).toMatchObject({ devTools: false });
      expect(window.loadURL).toHaveBeenCalledWith(expect.stringMatching(/^file:.*renderer\/index\.html$/));
    } finally {
      delete process.env.ELECTRON_RENDERER_URL;
    }
  });
});

describe('a failed start is logged where the user can find it', () => {
  it('writes the start-up log in the data folder', async () => {
    // The lock comes before the data folder is known: the log goes to userData (here under dir).
    delete process.env.RESPONSE_DESK_DATA;
    const config = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = dir;
    electron.app.requestSingleInstanceLock.mockImplementationOnce(() => {
      throw new Error('lock file is unreadable');
    });
    await import('../../../src-main/index');
    try {
      await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(1));
      expect(electron.app.getPath('userData')).toBe(join(dir, 'Response Desk'));
      const logged = await readFile(join(dir, 'Response Desk', 'startup.log'), 'utf8');
      expect(logged).toMatch(/the console could not start: Error: lock file is unreadable/);
      expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('Response Desk could not start', expect.stringContaining(join(dir, 'Response Desk', 'startup.log')));
    } finally {
      if (config === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = config;
    }
  });
});
