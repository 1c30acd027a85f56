import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createCore } from '../../../src-main/core/core';
import type { Clock } from '../../../src-main/core/ports';
import { createMemoryCaseStore, createMemoryDocument } from '../../../src-main/core/testing/memory-store';
import { startBrowserHost, type BrowserHost } from '../../../src-main/web/browser-host';
import { DEFAULT_SETTINGS } from '../../../src-shared/settings';

const clock: Clock = { now: () => Date.now(), monotonic: () => performance.now(), setTimer: () => ({ id: 0 }), clearTimer: () => {} };

let host: BrowserHost;
let root: string;
const warnings: string[] = [];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'desk-host-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Response Desk</title>');
  const core = await createCore({
    host: 'browser', version: 't', dataDir: root, clock,
    store: createMemoryCaseStore(), settingsFile: createMemoryDocument(DEFAULT_SETTINGS),
  });
  warnings.length = 0;
  host = await startBrowserHost({
    core, rootDir: root, port: 0,
    log: { info: () => {}, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) },
  });
});

afterEach(async () => {
  await host.close();
  await rm(root, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${host.port}`;

function openSocket(query: string, origin: string | undefined): Promise<{ ws: WebSocket; status?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws${query}`, origin ? { origin } : {});
    ws.on('open', () => resolve({ ws }));
    ws.on('unexpected-response', (_req, res) => resolve({ ws, status: res.statusCode }));
    ws.on('error', () => undefined);
  });
}

function request(ws: WebSocket, id: number, name: string, input: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as { type: string; id?: number; result?: unknown };
      if (message.type === 'result' && message.id === id) {
        ws.off('message', onMessage);
        resolve(message.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, name, input }));
  });
}

describe('the browser host', () => {
  it('listens on the loopback interface only, with a long random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('refuses a page request without the token, and logs it', async () => {
    const response = await fetch(`${base()}/`);
    expect(response.status).toBe(401);
    expect(warnings.join('\n')).toMatch(/missing or wrong token/);
  });

  it('refuses a wrong token', async () => {
    expect((await fetch(`${base()}/?token=nope`)).status).toBe(401);
  });

  it('serves the page with the token and sets a strict cookie for its assets', async () => {
    const response = await fetch(host.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Response Desk');
    expect(response.headers.get('set-cookie')).toMatch(/desk_token=.+HttpOnly; SameSite=Strict/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('refuses a request whose Host header is not the loopback address (DNS rebinding)', async () => {
    const { request: httpRequest } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      httpRequest({ host: '127.0.0.1', port: host.port, path: `/?token=${host.token}`, headers: { host: 'evil.example' } }, (res) => resolve(res.statusCode ?? 0)).end();
    });
    expect(status).toBe(403);
  });

  it('closes a WebSocket without the token with 401', async () => {
    const { status } = await openSocket('', base());
    expect(status).toBe(401);
  });

  it('closes a WebSocket from another origin with 403, even with the token', async () => {
    const { status } = await openSocket(`?token=${host.token}`, 'https://evil.example');
    expect(status).toBe(403);
    expect(warnings.join('\n')).toMatch(/foreign origin/);
  });

  it('carries the contract: a request gets its typed result and every client hears the change', async () => {
    const { ws } = await openSocket(`?token=${host.token}`, base());
    const { ws: other } = await openSocket(`?token=${host.token}`, base());
    const heard = new Promise((resolve) => other.on('message', (data) => resolve(JSON.parse(data.toString()))));
    const result = await request(ws, 1, 'cases.create', { title: 'Checkout fails', customer: 'Acme', severity: 'P1' });
    expect(result).toMatchObject({ ok: true, value: { id: 'RD-1001' } });
    expect(await heard).toMatchObject({ type: 'event', name: 'cases.changed', payload: { record: { id: 'RD-1001' } } });
    const invalid = await request(ws, 2, 'cases.create', { title: 'x' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'customer' }] } });
    ws.close();
    other.close();
  });

  it('closes the socket on a message that is not a request', async () => {
    const { ws } = await openSocket(`?token=${host.token}`, base());
    const code = await new Promise<number>((resolve) => {
      ws.on('close', (closeCode) => resolve(closeCode));
      ws.send('not json');
    });
    expect(code).toBe(1007);
  });
});
