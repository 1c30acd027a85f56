import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REQUEST_CHANNEL } from '../../../src-shared/contract';

type ElectronMock = typeof import('../electron-mock');

let dir: string;
let electron: ElectronMock;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-electron-'));
  process.env.RESPONSE_DESK_DATA = dir;
  // A fresh composition root for each launch (the Electron stand-in itself is shared).
  vi.resetModules();
  electron = (await import('electron')) as unknown as ElectronMock;
});
afterEach(async () => {
  electron.app.emit('will-quit', { preventDefault: () => undefined });
  delete process.env.RESPONSE_DESK_DATA;
  await new Promise((resolve) => setTimeout(resolve, 50));
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

async function launch() {
  const windows = electron.BrowserWindow.created.length;
  await import('../../../src-main/index');
  await vi.waitFor(() => expect(electron.BrowserWindow.created).toHaveLength(windows + 1), { timeout: 5000 });
  return electron.BrowserWindow.created.at(-1)!;
}

describe('the Electron composition root', () => {
  it('takes the single-instance lock, sets the app user model id, registers the one gate and opens one window', async () => {
    const window = await launch();
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(electron.app.setAppUserModelId).toHaveBeenCalledWith(expect.stringMatching(/\S/));
    expect(electron.ipcMain.handlers.has(REQUEST_CHANNEL)).toBe(true);
    expect(window.loadURL).toHaveBeenCalledWith(expect.stringMatching(/renderer\/index\.html$/));
  });

  it('focuses the existing window when the console is launched a second time', async () => {
    const window = await launch();
    const windows = electron.BrowserWindow.created.length;
    electron.app.emit('second-instance');
    expect(window.focus).toHaveBeenCalled();
    expect(electron.BrowserWindow.created).toHaveLength(windows);
  });

  it('quits at once when another instance holds the lock', async () => {
    electron.app.requestSingleInstanceLock.mockReturnValue(false);
    electron.app.quit.mockClear();
    const windows = electron.BrowserWindow.created.length;
    await import('../../../src-main/index');
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
    expect(electron.BrowserWindow.created).toHaveLength(windows);
    electron.app.requestSingleInstanceLock.mockReturnValue(true);
  });

  it('holds the quit until the case store has closed, so its journal is checkpointed and empty', async () => {
    await launch();
    expect((await readdir(join(dir, 'journal'))).filter((name) => name.endsWith('.wal'))).toHaveLength(1);
    electron.app.exit.mockClear();
    const event = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(0));
    expect(await readdir(join(dir, 'journal'))).toEqual([]);
  });
});
