import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import sirv from 'sirv';
import { WebSocketServer, type WebSocket } from 'ws';
import { EVENT_NAMES } from '../../src-shared/contract/names';
import type { Core } from '../core/core';
import { dispatch, type DispatchLogger } from '../core/dispatch';
import { clientMessageSchema } from './protocol';
import { createTransferRoutes } from './transfer-routes';
import { TOKEN_COOKIE, newToken, tokenFromCookie, tokenMatches } from './token';

export interface BrowserHostOptions {
  readonly core: Core;
  /** The built renderer (out/renderer). */
  readonly rootDir: string;
  /** 0 picks any free port. */
  readonly port: number;
  readonly token?: string;
  /** The largest import upload (default MAX_BUNDLE_BYTES, src-shared/bundle). */
  readonly maxTransferBytes?: number;
  readonly log: DispatchLogger & { info(message: string): void };
}

export interface BrowserHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
const MAX_MESSAGE_BYTES = 1024 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/**
 * The browser host: serves the built renderer and the contract over a WebSocket, on the
 * loopback interface only. Every request needs the per-launch token (query or cookie), every
 * WebSocket must come from the console's own origin.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? newToken();
  const { core, log } = options;
  const serveStatic = sirv(options.rootDir, { dev: false, etag: true, gzip: false, brotli: false });
  let port = 0;
  const allowedHosts = () => new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://${LOOPBACK}:${port}`, `http://localhost:${port}`]);

  const requestToken = (req: IncomingMessage): { fromQuery?: string; fromCookie?: string } => {
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
    return { fromQuery: url.searchParams.get('token') ?? undefined, fromCookie: tokenFromCookie(req.headers.cookie) };
  };

  const refuse = (res: ServerResponse, status: 401 | 403, why: string, req: IncomingMessage) => {
    log.warn(`refused ${req.method} ${(req.url ?? '').replace(/token=[^&]*/, 'token=***')} from ${req.socket.remoteAddress}: ${why}`);
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
    res.end(status === 401 ? 'Unauthorized: open the console with the address printed at launch (it carries the token).\n' : `Forbidden: ${why}\n`);
  };

  const transfer = createTransferRoutes({
    data: core.data,
    isOwnOrigin: (origin) => allowedOrigins().has(origin ?? ''),
    headers: SECURITY_HEADERS,
    ...(options.maxTransferBytes ? { maxBytes: options.maxTransferBytes } : {}),
    log,
  });

  const server = createServer((req, res) => {
    if (!allowedHosts().has(req.headers.host ?? '')) return refuse(res, 403, `unexpected Host header ${req.headers.host ?? '(none)'}`, req);
    const { fromQuery, fromCookie } = requestToken(req);
    const viaQuery = tokenMatches(token, fromQuery);
    if (!viaQuery && !tokenMatches(token, fromCookie)) return refuse(res, 401, 'missing or wrong token', req);
    if (transfer(req, res)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 403, `method ${req.method} is not served`, req);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (viaQuery) res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    serveStatic(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
    });
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const clients = new Set<WebSocket>();

  const rejectUpgrade = (socket: Duplex, status: 401 | 403, why: string, req: IncomingMessage) => {
    log.warn(`refused WebSocket from ${req.socket.remoteAddress} (origin ${req.headers.origin ?? 'none'}): ${why}`);
    socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroy();
  };

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
    if (url.pathname !== '/ws') return rejectUpgrade(socket, 403, `no WebSocket at ${url.pathname}`, req);
    if (!allowedHosts().has(req.headers.host ?? '')) return rejectUpgrade(socket, 403, 'unexpected Host header', req);
    if (!allowedOrigins().has(req.headers.origin ?? '')) return rejectUpgrade(socket, 403, 'foreign origin', req);
    const { fromQuery, fromCookie } = requestToken(req);
    if (!tokenMatches(token, fromQuery) && !tokenMatches(token, fromCookie)) return rejectUpgrade(socket, 401, 'missing or wrong token', req);
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req));
  });

  sockets.on('connection', (ws: WebSocket) => {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'binary messages are not accepted');
      let message: unknown;
      try {
        message = JSON.parse(data.toString());
      } catch {
        return ws.close(1007, 'message is not JSON');
      }
      const parsed = clientMessageSchema.safeParse(message);
      if (!parsed.success) return ws.close(1007, 'message is not a request');
      const { id, name, input } = parsed.data;
      void dispatch(core.handlers, name, input, log).then((result) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'result', id, result }));
      });
    });
  });

  const offEvents = core.bus.onAny((name, payload) => {
    const frame = JSON.stringify({ type: 'event', name, payload });
    for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(frame);
  }, EVENT_NAMES);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    port,
    token,
    async close() {
      offEvents();
      for (const ws of clients) ws.close(1001, 'console is shutting down');
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
