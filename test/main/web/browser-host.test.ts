import WebSocket from 'ws';
import type { HttpRoute } from '../../../src-main/web/http-routes';
import { askOverSocket, useMemoryHost } from './memory-host';

const warnings: string[] = [];
let routes: HttpRoute[] = [];
beforeEach(() => {
  warnings.length = 0;
});
const web = useMemoryHost({
  folderPrefix: 'desk-host-',
  routes: () => routes,
  log: { info: () => {}, warn: (m) => warnings.push(m), error: (m, e) => warnings.push(`${m} ${String(e)}`) },
});

const base = () => `http://127.0.0.1:${web.host.port}`;
const consolePath = () => `/${web.host.token}/`;
const ownSocket = () => openSocket(`${consolePath()}ws`, base());

/** Opens `ws://127.0.0.1:PORT<path>`; the console's own socket is at `/<token>/ws`. */
function openSocket(path: string, origin: string | undefined): Promise<{ ws: WebSocket; status?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${web.host.port}${path}`, origin ? { origin } : {});
    ws.on('open', () => resolve({ ws }));
    ws.on('unexpected-response', (_req, res) => resolve({ ws, status: res.statusCode }));
    ws.on('error', () => undefined);
  });
}

describe('the browser host', () => {
  it('listens on the loopback interface only, with a long random token', () => {
    expect(web.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('refuses a page request without the token, and logs it', async () => {
    const response = await fetch(`${base()}/`);
    expect(response.status).toBe(401);
    expect(warnings.join('\n')).toMatch(/missing or wrong token/);
  });

  it('refuses a wrong token, in the query or as the path', async () => {
    expect((await fetch(`${base()}/?token=nope`)).status).toBe(401);
    expect((await fetch(`${base()}/nope/`)).status).toBe(401);
    expect((await fetch(`${base()}/nope/index.html`)).status).toBe(401);
  });

  it('refuses two token parameters even when one is right', async () => {
    expect((await fetch(`${base()}/?token=bad&token=${web.host.token}`, { redirect: 'manual' })).status).toBe(401);
    expect((await fetch(`${base()}/?token=${web.host.token}&token=bad`, { redirect: 'manual' })).status).toBe(401);
  });

  it('sends the printed address to the console\'s own path, keeping the other parameters and setting no cookie', async () => {
    const response = await fetch(`${web.host.url}&review=RD-1001`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/${web.host.token}/?review=RD-1001`);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('serves the page below its path, with its security headers and no cookie', async () => {
    const response = await fetch(`${base()}${consolePath()}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Response Desk');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('gives the console path its slash, so the page\'s relative addresses carry the token', async () => {
    const response = await fetch(`${base()}/${web.host.token}?review=RD-1`, { redirect: 'manual' });
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe(`/${web.host.token}/?review=RD-1`);
  });

  it('refuses a request whose Host header is not the loopback address (DNS rebinding)', async () => {
    const { request: httpRequest } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      httpRequest({ host: '127.0.0.1', port: web.host.port, path: consolePath(), headers: { host: 'evil.example' } }, (res) => resolve(res.statusCode ?? 0)).end();
    });
    expect(status).toBe(403);
  });

  it('closes a WebSocket without the token with 401', async () => {
    expect((await openSocket('/ws', base())).status).toBe(401);
    expect((await openSocket('/nope/ws', base())).status).toBe(401);
  });

  it('closes a WebSocket from another origin with 403, even with the token', async () => {
    expect((await openSocket(`${consolePath()}ws`, 'https://evil.example')).status).toBe(403);
    expect((await openSocket(`${consolePath()}ws`, 'http://127.0.0.1:1')).status).toBe(403);
    expect((await openSocket(`/ws?token=${web.host.token}`, 'http://127.0.0.1:1')).status).toBe(403);
    expect(warnings.join('\n')).toMatch(/foreign origin/);
  });

  it('carries the contract: a request gets its typed result and every client hears the change', async () => {
    const { ws } = await ownSocket();
    const { ws: other } = await openSocket(`/ws?token=${web.host.token}`, base());
    const heard = new Promise((resolve) => other.on('message', (data) => resolve(JSON.parse(data.toString()))));
    const result = await askOverSocket(ws, 1, 'cases.create', { title: 'Checkout fails', customer: 'Acme', severity: 'P1' });
    expect(result).toMatchObject({ ok: true, value: { id: 'RD-1001' } });
    expect(await heard).toMatchObject({ type: 'event', name: 'cases.changed', payload: { record: { id: 'RD-1001' } } });
    const invalid = await askOverSocket(ws, 2, 'cases.create', { title: 'x' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'customer' }] } });
    ws.close();
    other.close();
  });

  it('closes the socket on a message that is not a request', async () => {
    const { ws } = await ownSocket();
    const code = await new Promise<number>((resolve) => {
      ws.on('close', (closeCode) => resolve(closeCode));
      ws.send('not json');
    });
    expect(code).toBe(1007);
  });
});

describe('the browser host\'s HTTP routes', () => {
  const calls: string[] = [];
  beforeAll(() => {
    routes = [
      { name: 'echo', method: 'POST', path: 'echo', handle: ({ res, query }) => { calls.push(query.get('q') ?? ''); res.end('echoed'); } },
      { name: 'broken', method: 'GET', path: 'broken', handle: async () => { throw new Error('disk on fire'); } },
    ];
  });
  afterAll(() => {
    routes = [];
  });
  beforeEach(() => {
    calls.length = 0;
  });

  it('serves a route below the console path to the console\'s own page', async () => {
    const response = await fetch(`${base()}${consolePath()}echo?q=1`, { method: 'POST', headers: { origin: base(), 'sec-fetch-site': 'same-origin' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('echoed');
    expect(calls).toEqual(['1']);
  });

  it('refuses a route without the token, from another origin or site, or with the wrong method', async () => {
    expect((await fetch(`${base()}/echo`, { method: 'POST' })).status).toBe(401);
    expect((await fetch(`${base()}/nope/echo`, { method: 'POST' })).status).toBe(401);
    expect((await fetch(`${base()}${consolePath()}echo`, { method: 'POST', headers: { origin: 'http://127.0.0.1:1' } })).status).toBe(403);
    expect((await fetch(`${base()}${consolePath()}echo`, { method: 'POST', headers: { 'sec-fetch-site': 'same-site' } })).status).toBe(403);
    const wrong = await fetch(`${base()}${consolePath()}echo`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect(calls).toEqual([]);
  });

  it('answers 500 when a route fails, logs it by name, and goes on answering', async () => {
    const response = await fetch(`${base()}${consolePath()}broken`);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('broken failed; the console\'s log says why.\n');
    expect(warnings.join('\n')).toMatch(/broken failed Error: disk on fire/);
    expect((await fetch(`${base()}${consolePath()}`)).status).toBe(200);
  });
});
