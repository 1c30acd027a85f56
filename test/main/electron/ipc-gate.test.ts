import { ipcMain, MockWebContents } from '../electron-mock';
import { REQUEST_CHANNEL, type DeskHandlers, type Result } from '../../../src-shared/contract';
import { registerGate } from '../../../src-main/electron/ipc-gate';
import { rendererLocation } from '../../../src-main/electron/renderer-url';
import { createCore } from '../../../src-main/core/core';
import { createMemoryCaseStore, createMemoryDocument } from '../../../src-main/core/testing/memory-store';
import { DEFAULT_SETTINGS } from '../../../src-shared/settings';
import type { Clock } from '../../../src-main/core/ports';

const clock: Clock = {
  now: () => Date.parse('2026-11-26T10:00:00Z'),
  monotonic: () => 0,
  setTimer: () => ({ id: 0 }),
  clearTimer: () => undefined,
};

const OWN_URL = 'file:///app/out/renderer/index.html';

async function setUp() {
  ipcMain.handlers.clear();
  const core = await createCore({
    host: 'electron', version: 't', dataDir: '/tmp/x', clock,
    store: createMemoryCaseStore(), settingsFile: createMemoryDocument(DEFAULT_SETTINGS),
  });
  const own = new MockWebContents();
  await own.loadURL(OWN_URL);
  const warnings: string[] = [];
  registerGate({
    handlers: core.handlers,
    isOwnContents: (id) => id === own.id,
    isOwnUrl: (url) => url === OWN_URL,
    log: { warn: (m) => warnings.push(m), error: (m) => warnings.push(m) },
  });
  const handler = ipcMain.handlers.get(REQUEST_CHANNEL);
  if (!handler) throw new Error('gate did not register');
  const invoke = (sender: MockWebContents, frame: unknown, name: unknown, input: unknown) =>
    handler({ sender, senderFrame: frame }, name, input) as unknown as Promise<Result<unknown>>;
  return { own, invoke, warnings, core };
}

describe('the IPC gate', () => {
  it('answers our own renderer main frame with the typed result', async () => {
    const { own, invoke } = await setUp();
    const result = await invoke(own, own.mainFrame, 'cases.create', { title: 'API down', customer: 'Acme' });
    expect(result).toMatchObject({ ok: true, value: { id: 'RD-1001' } });
  });

  it('refuses a sender that is not a console window', async () => {
    const { invoke, warnings } = await setUp();
    const stranger = new MockWebContents();
    const result = await invoke(stranger, stranger.mainFrame, 'cases.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(warnings.join('\n')).toMatch(/not a console window/);
  });

  it('refuses a subframe of our own window', async () => {
    const { own, invoke } = await setUp();
    const subframe = { url: OWN_URL, parent: own.mainFrame };
    const result = await invoke(own, subframe, 'cases.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/subframe/) } });
  });

  it('refuses our window once it shows a page that is not the console', async () => {
    const { own, invoke } = await setUp();
    const result = await invoke(own, { ...own.mainFrame, url: 'https://evil.example/' }, 'cases.list', {});
    expect(result.ok).toBe(false);
  });

  it('rejects malformed input with a typed error naming the field, before any handler runs', async () => {
    const { own, invoke, core } = await setUp();
    const result = await invoke(own, own.mainFrame, 'cases.create', { title: '', customer: 'Acme', severity: 'P9' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.issues?.map((issue) => issue.path)).toEqual(expect.arrayContaining(['title', 'severity']));
    expect(await core.handlers['cases.list']({})).toHaveLength(0);
  });

  it('rejects an unknown request name', async () => {
    const { own, invoke } = await setUp();
    const result = await invoke(own, own.mainFrame, 'fs.readFile', { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_REQUEST' } });
  });

  it('turns a throwing handler into a typed error instead of an unhandled rejection', async () => {
    ipcMain.handlers.clear();
    const own = new MockWebContents();
    await own.loadURL(OWN_URL);
    const handlers = { 'cases.list': async () => { throw new Error('disk on fire'); } } as unknown as DeskHandlers;
    registerGate({ handlers, isOwnContents: () => true, isOwnUrl: () => true, log: { warn: () => {}, error: () => {} } });
    const handler = ipcMain.handlers.get(REQUEST_CHANNEL)!;
    const result = (await handler({ sender: own, senderFrame: own.mainFrame }, "cases.list", {})) as unknown as Result<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/disk on fire/) } });
  });
});

describe('recognising the console page on Windows', () => {
  it('answers a page whose drive letter Chromium upper-cased while Node launched with a lower-case one', async () => {
    // Node keeps the drive letter as launched ("c:"); Chromium reports "C:" in the frame URL.
    const location = rendererLocation({ rendererFile: 'c:\\Users\\ana\\Response Desk\\out\\renderer\\index.html', devServerUrl: undefined, packaged: true, platform: 'win32' });
    expect(location.url).toBe('file:///c:/Users/ana/Response%20Desk/out/renderer/index.html');
    ipcMain.handlers.clear();
    const own = new MockWebContents();
    await own.loadURL('file:///C:/Users/ana/Response%20Desk/out/renderer/index.html');
    const handlers = { 'cases.list': async () => [] } as unknown as DeskHandlers;
    registerGate({ handlers, isOwnContents: (id) => id === own.id, isOwnUrl: location.isOwnUrl, log: { warn: () => {}, error: () => {} } });
    const handler = ipcMain.handlers.get(REQUEST_CHANNEL)!;
    const result = (await handler({ sender: own, senderFrame: own.mainFrame }, 'cases.list', {})) as unknown as Result<unknown>;
    expect(result).toEqual({ ok: true, value: [] });
  });

  it('still refuses another file, a look-alike path and a non-file URL', () => {
    const { isOwnUrl } = rendererLocation({ rendererFile: 'c:\\app\\out\\renderer\\index.html', devServerUrl: undefined, packaged: true, platform: 'win32' });
    expect(isOwnUrl('file:///C:/APP/out/renderer/index.html#/case/RD-1001')).toBe(true);
    expect(isOwnUrl('file:///C:/app/out/renderer/other.html')).toBe(false);
    expect(isOwnUrl('file:///D:/app/out/renderer/index.html')).toBe(false);
    expect(isOwnUrl('https://c/app/out/renderer/index.html')).toBe(false);
    expect(isOwnUrl('not a url')).toBe(false);
  });

  it('compares case-sensitively on Linux and macOS file systems', () => {
    const { isOwnUrl } = rendererLocation({ rendererFile: '/opt/Response Desk/out/renderer/index.html', devServerUrl: undefined, packaged: true, platform: 'linux' });
    expect(isOwnUrl('file:///opt/Response%20Desk/out/renderer/index.html?x=1')).toBe(true);
    expect(isOwnUrl('file:///opt/response desk/out/renderer/index.html')).toBe(false);
  });

  it('trusts ELECTRON_RENDERER_URL in development only, by origin', () => {
    const dev = rendererLocation({ rendererFile: '/app/index.html', devServerUrl: 'http://localhost:5173/', packaged: false, platform: 'linux' });
    expect(dev.url).toBe('http://localhost:5173/');
    expect(dev.isOwnUrl('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(dev.isOwnUrl('http://localhost:5173.evil.example/')).toBe(false);
    const packaged = rendererLocation({ rendererFile: '/app/index.html', devServerUrl: 'http://localhost:5173/', packaged: true, platform: 'linux' });
    expect(packaged.url).toBe('file:///app/index.html');
    expect(packaged.isOwnUrl('http://localhost:5173/')).toBe(false);
  });
});
