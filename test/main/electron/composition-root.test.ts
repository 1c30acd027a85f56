import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EVENT_CHANNEL, REQUEST_CHANNEL } from '../../../src-shared/contract';
import type { Menu as MockMenu } from '../electron-mock';
import { useCompositionRoot } from './composition-root';

const root = useCompositionRoot();

describe('the Electron composition root', () => {
  it('takes the single-instance lock, sets the app user model id, registers the one gate and opens one window', async () => {
    const window = await root.launch();
    expect(root.electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(root.electron.app.setAppUserModelId).toHaveBeenCalledWith('dev.responsedesk.console');
    expect(root.electron.ipcMain.handlers.has(REQUEST_CHANNEL)).toBe(true);
    expect(window.loadURL).toHaveBeenCalledWith(expect.stringMatching(/renderer\/index\.html$/));
    expect(root.electron.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('answers its own page through the gate once the page has loaded', async () => {
    const window = await root.launch();
    const result = await root.request(window, 'cases.create', { title: 'Payments down', customer: 'Acme', plan: 'premium', severity: 'P1' });
    expect(result.ok).toBe(true);
  });

  it('shows the window only once painted, and maximizes it then, not before', async () => {
    await writeFile(join(root.dir, 'window-state.json'), JSON.stringify({ x: 0, y: 0, width: 1200, height: 800, maximized: true }));
    root.electron.mockEnv.holdLoads = true;
    await import('../../../src-main/index');
    await vi.waitFor(() => expect(root.electron.app.whenReady).toHaveBeenCalled());
    root.electron.app.becomeReady();
    await vi.waitFor(() => expect(root.electron.BrowserWindow.created).toHaveLength(1));
    const window = root.electron.BrowserWindow.created[0]!;
    // Before the first load finishes the window is neither shown nor maximized (a maximize would show it).
    expect(window.isVisible()).toBe(false);
    expect(window.maximize).not.toHaveBeenCalled();
    root.electron.finishLoads();
    await vi.waitFor(() => expect(window.isVisible()).toBe(true));
    expect(window.isMaximized()).toBe(true);
  });

  it('opens the case from a tray click after the window was closed, once the new page has loaded', async () => {
    const first = await root.launch();
    const created = await root.request(first, 'cases.create', { title: 'Payments down', customer: 'Acme', plan: 'premium', severity: 'P1' });
    if (!created.ok) throw new Error(created.error.message);
    const caseId = (created.value as { id: string }).id;
    const tray = root.electron.Tray.created.at(-1)!;
    await vi.waitFor(() => expect((tray.menu as MockMenu).items.some((item) => item.label?.includes(caseId))).toBe(true));

    first.close(); // macOS: the app stays running with no window
    expect(first.isDestroyed()).toBe(true);
    (tray.menu as MockMenu).items.find((item) => item.label?.includes(caseId))?.click?.();

    expect(root.electron.BrowserWindow.created).toHaveLength(2);
    const second = root.electron.BrowserWindow.created[1]!;
    const openCase = (messages: { channel: string; args: unknown[] }[]) => messages.filter((m) => m.channel === EVENT_CHANNEL && m.args[0] === 'ui.openCase');
    expect(openCase(second.webContents.lost)).toEqual([]);
    await vi.waitFor(() => expect(openCase(second.webContents.delivered)).toEqual([{ channel: EVENT_CHANNEL, args: ['ui.openCase', { caseId }] }]));
  });

  it('reloads a crashed page', async () => {
    const window = await root.launch();
    window.webContents.crash('crashed');
    expect(window.webContents.reload).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(window.webContents.isLoading()).toBe(false));
  });

  it('focuses the existing window when the console is launched a second time', async () => {
    const window = await root.launch();
    root.electron.app.emit('second-instance');
    expect(window.focus).toHaveBeenCalled();
    expect(root.electron.BrowserWindow.created).toHaveLength(1);
  });

  it('quits at once when another instance holds the lock', async () => {
    root.electron.app.requestSingleInstanceLock.mockReturnValue(false);
    await import('../../../src-main/index');
    await vi.waitFor(() => expect(root.electron.app.quit).toHaveBeenCalled());
    root.electron.app.becomeReady();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(root.electron.BrowserWindow.created).toHaveLength(0);
    root.electron.app.requestSingleInstanceLock.mockReturnValue(true);
  });

  it('holds the quit until the case store has closed, so its journal is checkpointed and empty, and no update reaches the gone tray', async () => {
    const window = await root.launch();
    expect((await readdir(join(root.dir, 'journal'))).filter((name) => name.endsWith('.wal'))).toHaveLength(1);
    const event = { preventDefault: vi.fn() };
    root.electron.app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(root.electron.Tray.created.at(-1)?.isDestroyed()).toBe(true);
    await vi.waitFor(() => expect(root.electron.app.exit).toHaveBeenCalledWith(0));
    expect(await readdir(join(root.dir, 'journal'))).toEqual([]);
    expect(window.isDestroyed()).toBe(false);
  });

  it('shows a failed start in a dialog and writes it to the data folder, then exits non-zero', async () => {
    // A file where the data folder should be.
    const file = join(root.dir, 'not-a-folder');
    await writeFile(file, 'x');
    process.env.RESPONSE_DESK_DATA = join(file, 'data');
    await import('../../../src-main/index');
    await vi.waitFor(() => expect(root.electron.app.exit).toHaveBeenCalledWith(1));
    expect(root.electron.dialog.showErrorBox).toHaveBeenCalledWith('Response Desk could not start', expect.stringMatching(/not-a-folder/));
    expect(root.electron.BrowserWindow.created).toHaveLength(0);
    const [title] = root.electron.dialog.showErrorBox.mock.calls[0]!;
    expect(title).toBe('Response Desk could not start');
  });

  it('installs its own application menu, with developer items only when not packaged', async () => {
    await root.launch();
    const roles = (menu: MockMenu | null) => JSON.stringify(menu?.items ?? []);
    expect(roles(root.electron.Menu.applicationMenu)).toMatch(/toggleDevTools/);
    expect(root.electron.BrowserWindow.created[0]?.options.webPreferences).toMatchObject({ devTools: true, spellcheck: false });
  });
});

describe('a packaged console', () => {
  it('has no developer menu items or DevTools, and ignores ELECTRON_RENDERER_URL', async () => {
    root.electron.resetElectron({ ready: false });
    root.electron.mockEnv.packaged = true;
    process.env.ELECTRON_RENDERER_URL = 'http://127.0.0.1:9/evil';
    try {
      const window = await root.launch();
      expect(JSON.stringify(root.electron.Menu.applicationMenu?.items)).not.toMatch(/toggleDevTools|reload/i);
      expect(window.options.webPreferences).toMatchObject({ devTools: false });
      expect(window.loadURL).toHaveBeenCalledWith(expect.stringMatching(/^file:.*renderer\/index\.html$/));
    } finally {
      delete process.env.ELECTRON_RENDERER_URL;
    }
  });
});

describe('a failed start is logged where the user can find it', () => {
  it('writes the start-up log in the data folder', async () => {
    // The lock comes before the data folder is known: the log goes to userData (here under the data folder).
    delete process.env.RESPONSE_DESK_DATA;
    const config = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = root.dir;
    root.electron.app.requestSingleInstanceLock.mockImplementationOnce(() => {
      throw new Error('lock file is unreadable');
    });
    await import('../../../src-main/index');
    try {
      await vi.waitFor(() => expect(root.electron.app.exit).toHaveBeenCalledWith(1));
      expect(root.electron.app.getPath('userData')).toBe(join(root.dir, 'Response Desk'));
      const logged = await readFile(join(root.dir, 'Response Desk', 'startup.log'), 'utf8');
      expect(logged).toMatch(/the console could not start: Error: lock file is unreadable/);
      expect(root.electron.dialog.showErrorBox).toHaveBeenCalledWith('Response Desk could not start', expect.stringContaining(join(root.dir, 'Response Desk', 'startup.log')));
    } finally {
      if (config === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = config;
    }
  });
});
