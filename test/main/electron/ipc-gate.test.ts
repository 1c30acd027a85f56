import { ipcMain, MockWebContents } from '../electron-mock';
import { REQUEST_CHANNEL, type DeskHandlers, type Result } from '../../../src-shared/contract';
import { registerGate } from '../../../src-main/electron/ipc-gate';
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
    const handlers = { 'cases.list': async () => { throw new Error('disk on fire'); } } as unknown as DeskHandlers;
    registerGate({ handlers, isOwnContents: () => true, isOwnUrl: () => true, log: { warn: () => {}, error: () => {} } });
    const handler = ipcMain.handlers.get(REQUEST_CHANNEL)!;
    const result = (await handler({ sender: own, senderFrame: own.mainFrame }, "cases.list", {})) as unknown as Result<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/disk on fire/) } });
  });
});
