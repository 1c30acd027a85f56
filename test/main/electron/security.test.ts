import { BrowserWindow, MockWebContents, app, session, shell } from '../electron-mock';
import { createMainWindow } from '../../../src-main/electron/main-window';
import { hardenApp, hardenSession, hardenWebContents, isSafeExternalUrl } from '../../../src-main/electron/security';
import { restoreWindowState } from '../../../src-main/electron/window-state';

const OWN = 'file:///app/out/renderer/index.html';

function hardened() {
  const contents = new MockWebContents();
  const openExternal = vi.fn(async (_url: string) => undefined);
  const log = vi.fn();
  hardenWebContents(contents as never, { isOwnUrl: (url) => url === OWN, openExternal, log });
  return { contents, openExternal, log };
}

describe('window hardening', () => {
  it('creates the window sandboxed, context-isolated, without Node and with web security', () => {
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs', rendererUrl: OWN, savedState: undefined, saveState: () => {}, devTools: false, log: () => {} });
    const window = BrowserWindow.created.at(-1)!;
    expect(window.options.webPreferences).toMatchObject({
      nodeIntegrationInSubFrames: false,
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(window.loadURL).toHaveBeenCalledWith(OWN);
  });

  it('denies navigation and redirects away from the console', () => {
    const { contents } = hardened();
    for (const name of ['will-navigate', 'will-redirect']) {
      const event = { preventDefault: vi.fn() };
      contents.emit(name, event, 'https://evil.example/');
      expect(event.preventDefault).toHaveBeenCalled();
    }
  });

  it('lets the console reload its own page', () => {
    const { contents } = hardened();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-navigate', event, OWN);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every new window and sends only http(s) links to the system browser', () => {
    const { contents, openExternal } = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://docs.example.com/runbook' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://docs.example.com/runbook');
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.com/']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
      expect(openExternal).not.toHaveBeenCalledWith(url);
    }
  });

  it('blocks webviews', () => {
    const { contents } = hardened();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission request', () => {
    hardenSession(session.defaultSession as never, () => {});
    const handler = session.defaultSession.setPermissionRequestHandler.mock.calls.at(-1)?.[0] as (c: unknown, p: string, cb: (ok: boolean) => void) => void;
    const callback = vi.fn();
    handler({}, 'media', callback);
    handler({}, 'geolocation', callback);
    expect(callback.mock.calls).toEqual([[false], [false]]);
  });

  it('hardens every web contents the app creates', () => {
    hardenApp(app as never, { isOwnUrl: () => false, openExternal: shell.openExternal, log: () => {} });
    const contents = new MockWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler).toBeDefined();
  });

  it('accepts only plain web links as external', () => {
    expect(isSafeExternalUrl('https://example.com/a?b=c')).toBe(true);
    expect(isSafeExternalUrl('http://example.com')).toBe(true);
    expect(isSafeExternalUrl('not a url')).toBe(false);
    expect(isSafeExternalUrl('mailto:a@b.c')).toBe(false);
  });
});

describe('window state', () => {
  it('restores a remembered position that is still on a display', () => {
    const state = restoreWindowState({ x: 100, y: 100, width: 1000, height: 700, maximized: true }, [{ x: 0, y: 0, width: 1920, height: 1080 }]);
    expect(state).toEqual({ x: 100, y: 100, width: 1000, height: 700, maximized: true });
  });

  it('drops a position on a display that is gone, keeping the size', () => {
    const state = restoreWindowState({ x: 3000, y: 100, width: 1000, height: 700, maximized: false }, [{ x: 0, y: 0, width: 1920, height: 1080 }]);
    expect(state).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('falls back to defaults for an invalid saved state', () => {
    expect(restoreWindowState({ width: 'big' }, []).width).toBeGreaterThan(0);
  });

  it('remembers the window bounds when it closes', () => {
    const saveState = vi.fn();
    createMainWindow({ preloadPath: '/p.cjs', rendererUrl: OWN, savedState: undefined, saveState, devTools: false, log: () => {} });
    BrowserWindow.created.at(-1)!.emit('close');
    expect(saveState).toHaveBeenCalledWith({ x: 10, y: 20, width: 1200, height: 800, maximized: false });
  });
});

describe('a renderer that keeps crashing', () => {
  it('is reloaded up to three times within a minute, then its window is closed and the user told', () => {
    const gaveUp = vi.fn();
    const { window } = createMainWindow({ preloadPath: '/p.cjs', rendererUrl: OWN, savedState: undefined, saveState: () => {}, devTools: false, log: () => {}, onGiveUp: gaveUp });
    const contents = window.webContents as unknown as { crash(reason: string): void; reload: { mock: { calls: unknown[] } } };
    for (let i = 0; i < 3; i++) contents.crash('crashed');
    expect(contents.reload.mock.calls).toHaveLength(3);
    expect(gaveUp).not.toHaveBeenCalled();
    contents.crash('oom');
    expect(gaveUp).toHaveBeenCalledWith('oom');
    expect(window.isDestroyed()).toBe(true);
  });
});
