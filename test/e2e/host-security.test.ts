import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import WebSocket from 'ws';
import { SOCKET_MAX_MESSAGE_BYTES } from '../../src-shared/contract/transport';
import { connectSocket } from './desk-socket';
import { launchBrowser, newDataDir, startHost, type RunningHost } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Another web server on the same machine, as any local tool or dev server might run: it records what it is sent. */
async function otherLocalServer(): Promise<{ server: Server; origin: string; seen: Array<{ url: string; headers: IncomingHttpHeaders }> }> {
  const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>another local server</title><p>hello</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const ownOrigin = (host: RunningHost) => `http://127.0.0.1:${host.port}`;

function openSocket(host: RunningHost, path: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${path}`, { origin: ownOrigin(host) });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    ws.on('error', () => undefined);
    ws.once('close', (code) => resolve(code));
  });
}

describe('the token reaches no other server', () => {
  it('sends no credential to another server on 127.0.0.1 that the same browser visits', async () => {
    const host = await startHost(await newDataDir());
    const other = await otherLocalServer();
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      const page = await context.newPage();
      await page.goto(host.url);
      await expect.poll(() => page.getByRole('button', { name: 'New case' }).isEnabled(), { timeout: 15_000 }).toBe(true);
      expect(new URL(page.url()).pathname).toBe(`/${host.token}/`);

      const elsewhere = await context.newPage();
      for (const path of ['/', '/ws', '/assets/index.js', '/index.html?x=1']) await elsewhere.goto(`${other.origin}${path}`);
      await elsewhere.evaluate(async () => {
        await fetch('/api', { credentials: 'include' });
      });

      expect(other.seen.length).toBeGreaterThanOrEqual(5);
      for (const { url, headers } of other.seen) {
        expect(headers.cookie).toBeUndefined();
        expect(url).not.toContain(host.token);
        expect(JSON.stringify(headers)).not.toContain(host.token);
      }
      expect(await context.cookies()).toEqual([]);
    } finally {
      await context.close();
      other.server.close();
      await host.stop();
    }
  });

  it('gives a token replayed from another origin no access to the contract', async () => {
    const host = await startHost(await newDataDir());
    const other = await otherLocalServer();
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(other.origin);
      const outcomes = await page.evaluate(
        async ({ port, token }) => {
          const attempt = (url: string) =>
            new Promise<string>((resolve) => {
              const ws = new window.WebSocket(url);
              ws.onopen = () => {
                ws.send(JSON.stringify({ id: 1, name: 'cases.create', input: { title: 'Planted by another page', customer: 'Mallory' } }));
                resolve('open');
              };
              ws.onclose = () => resolve('closed');
            });
          return [await attempt(`ws://127.0.0.1:${port}/${token}/ws`), await attempt(`ws://127.0.0.1:${port}/ws?token=${token}`)];
        },
        { port: host.port, token: host.token },
      );
      expect(outcomes).toEqual(['closed', 'closed']);
      const socket = await connectSocket(host);
      expect(await socket.call('cases.list', {})).toEqual([]);
      socket.close();
      expect(host.stderr()).toMatch(/refused WebSocket .*foreign origin/);
      expect(host.stderr()).not.toContain(host.token);
    } finally {
      await context.close();
      other.server.close();
      await host.stop();
    }
  });
});

describe('no client input ends the browser host process', () => {
  it('survives oversize, binary, garbage and cut-off frames, and a normal client still gets answers', async () => {
    const host = await startHost(await newDataDir());
    try {
      const oversize = await openSocket(host, `/${host.token}/ws`);
      const oversizeClosed = closeCode(oversize);
      oversize.send('x'.repeat(SOCKET_MAX_MESSAGE_BYTES + 1));
      expect(await oversizeClosed).toBe(1009);

      const binary = await openSocket(host, `/${host.token}/ws`);
      const binaryClosed = closeCode(binary);
      binary.send(Buffer.from([0, 1, 2]), { binary: true });
      expect(await binaryClosed).toBe(1003);

      const garbage = await openSocket(host, `/${host.token}/ws`);
      const garbageClosed = closeCode(garbage);
      garbage.send('{"id":1,"name":');
      expect(await garbageClosed).toBe(1007);

      const unknown = await connectSocket(host);
      await expect(unknown.call('cases.everything' as 'cases.list', {})).rejects.toThrow(/UNKNOWN_REQUEST/);
      unknown.close();

      const cut = await openSocket(host, `/${host.token}/ws`);
      const raw = (cut as unknown as { _socket: import('node:net').Socket })._socket;
      // A text frame announcing 100 bytes, masked, with only 4 of them sent before the client half-closes.
      raw.end(Buffer.from([0x81, 0x80 | 100, 1, 2, 3, 4, 0x7a, 0x20, 0x6f, 0x2f]));
      await new Promise((resolve) => raw.once('close', resolve));

      expect(host.running()).toBe(true);
      const socket = await connectSocket(host);
      const created = await socket.call('cases.create', { title: 'Payments API returns 502', customer: 'Acme Bank', plan: 'standard', severity: 'P2' });
      expect(created.id).toMatch(/^RD-\d+$/);
      socket.close();
      expect(host.stderr()).toMatch(/closed a console socket: a message over the 1048576 byte limit/);
      expect(host.stderr()).not.toContain(host.token);
    } finally {
      await host.stop();
    }
  });
});
