import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import sirv from 'sirv';
import { WebSocketServer, type WebSocket } from 'ws';
import { EVENT_NAMES } from '../../src-shared/contract/names';
import { SOCKET_CLOSE, SOCKET_MAX_MESSAGE_BYTES } from '../../src-shared/contract/transport';
import type { Core } from '../core/core';
import { dispatch, isRequestName } from '../core/dispatch';
import { consoleRoutes, findRoute, type HttpRoute } from './http-routes';
import { clientMessageSchema } from './protocol';
import { redactingLog, type HostLog } from './redact';
import { newToken, tokenMatches } from './token';

export interface BrowserHostOptions {
  readonly core: Core;
  /** The built renderer (out/renderer). */
  readonly rootDir: string;
  /** 0 picks any free port. */
  readonly port: number;
  readonly token?: string;
  readonly log: HostLog;
  /** HTTP routes below `/<token>/`; the console's own table by default. */
  readonly routes?: readonly HttpRoute[];
}

export interface BrowserHost {
  /** The address to open: `/?token=…`, which redirects to the console's own path `/<token>/`. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
/** A client that stops reading is dropped before its unsent pushes hold this much memory. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** Where a request goes, worked out from its path alone. */
type Destination =
  | { kind: 'entry'; query: URLSearchParams }
  | { kind: 'console'; path: string; query: URLSearchParams; bare: boolean }
  | { kind: 'legacySocket'; query: URLSearchParams }
  | { kind: 'unknown' };

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']);
/** The method for the log: a client-written word only when it is one of HTTP's own. */
const methodOf = (req: IncomingMessage) => (KNOWN_METHODS.has(req.method ?? '') ? req.method : 'another method');

/**
 * The browser host: serves the built renderer and the contract over a WebSocket, on the
 * loopback interface only. The console lives below `/<token>/`: every file, route and the
 * socket carry the token in their path, so no cookie exists for other local servers to receive.
 * The log names requests by method and kind, never by address, header or other client text.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? newToken();
  const { core } = options;
  const log = redactingLog(options.log, token);
  const routes = options.routes ?? consoleRoutes(core);
  const serveStatic = sirv(options.rootDir, { dev: false, etag: true, gzip: false, brotli: false });
  let port = 0;
  const allowedHosts = () => new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://${LOOPBACK}:${port}`, `http://localhost:${port}`]);

  const destinationOf = (req: IncomingMessage): Destination => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
    } catch {
      return { kind: 'unknown' };
    }
    if (url.pathname === '/' || url.pathname === '/index.html') return { kind: 'entry', query: url.searchParams };
    if (url.pathname === '/ws') return { kind: 'legacySocket', query: url.searchParams };
    const [, first = '', ...rest] = url.pathname.split('/');
    if (!tokenMatches(token, first)) return { kind: 'unknown' };
    // `/<token>` alone must gain its slash, or the page's relative addresses would miss the token.
    return { kind: 'console', path: rest.join('/'), query: url.searchParams, bare: rest.length === 0 };
  };

  /** Exactly one `token` parameter, and the right one (`?token=bad&token=good` is refused). */
  const queryTokenMatches = (query: URLSearchParams) => {
    const given = query.getAll('token');
    return given.length === 1 && tokenMatches(token, given[0]);
  };

  /** Only the console's own page may use its routes: a page of another origin is refused even with the token. */
  const fromOwnPage = (req: IncomingMessage) => {
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) return false;
    const site = req.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin' || site === 'none';
  };

  const refuse = (res: ServerResponse, status: 401 | 403 | 404 | 405, what: string, why: string, req: IncomingMessage) => {
    log.warn(`refused ${methodOf(req)} ${what} from ${req.socket.remoteAddress}: ${why}`);
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
    const body: Record<typeof status, string> = {
      401: 'Unauthorized: open the console with the address printed at launch (it carries the token).\n',
      403: `Forbidden: ${why}\n`,
      404: 'Not found\n',
      405: 'Method not allowed\n',
    };
    res.end(body[status]);
  };

  const runRoute = async (route: HttpRoute, req: IncomingMessage, res: ServerResponse, query: URLSearchParams) => {
    try {
      await route.handle({ req, res, query, log });
    } catch (error) {
      log.error(`${route.name} failed`, error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`${route.name} failed; the console's log says why.\n`);
    }
  };

  const handleRequest = (req: IncomingMessage, res: ServerResponse) => {
    if (!allowedHosts().has(req.headers.host ?? '')) return refuse(res, 403, 'a request', 'unexpected Host header', req);
    const destination = destinationOf(req);
    if (destination.kind === 'entry') {
      if (!queryTokenMatches(destination.query)) return refuse(res, 401, 'the console page', 'missing or wrong token', req);
      const rest = new URLSearchParams(destination.query);
      rest.delete('token');
      const search = rest.size > 0 ? `?${rest.toString()}` : '';
      res.writeHead(303, { Location: `/${token}/${search}`, ...SECURITY_HEADERS });
      return res.end();
    }
    if (destination.kind !== 'console') return refuse(res, 401, 'an address', 'missing or wrong token', req);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (destination.bare) {
      res.writeHead(308, { Location: `/${token}/${destination.query.size > 0 ? `?${destination.query.toString()}` : ''}` });
      return res.end();
    }
    const found = findRoute(routes, req.method, destination.path);
    if (found && 'route' in found) {
      if (!fromOwnPage(req)) return refuse(res, 403, found.route.name, 'not from the console page', req);
      return void runRoute(found.route, req, res, destination.query);
    }
    if (found) {
      res.setHeader('Allow', found.wrongMethod.join(', '));
      return refuse(res, 405, 'a route', 'wrong method', req);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'a console file', 'wrong method', req);
    req.url = `/${destination.path}`;
    serveStatic(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
    });
  };

  const server = createServer((req, res) => {
    // A client that resets its connection mid-request must not end the process.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    try {
      handleRequest(req, res);
    } catch (error) {
      log.error('an HTTP request failed', error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end();
    }
  });
  server.on('clientError', (_error, socket: Duplex) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    socket.destroy();
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: SOCKET_MAX_MESSAGE_BYTES });
  sockets.on('error', (error) => log.error('the WebSocket server failed', error));
  const clients = new Set<WebSocket>();

  const rejectUpgrade = (socket: Duplex, status: 401 | 403, why: string, req: IncomingMessage) => {
    log.warn(`refused WebSocket from ${req.socket.remoteAddress}: ${why}`);
    socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroy();
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands over the raw socket without its error listener; a reset would end the process.
    socket.on('error', () => socket.destroy());
    if (!allowedHosts().has(req.headers.host ?? '')) return rejectUpgrade(socket, 403, 'unexpected Host header', req);
    if (!allowedOrigins().has(req.headers.origin ?? '')) return rejectUpgrade(socket, 403, 'foreign origin', req);
    const destination = destinationOf(req);
    const authorized =
      (destination.kind === 'console' && destination.path === 'ws') ||
      (destination.kind === 'legacySocket' && queryTokenMatches(destination.query));
    if (!authorized) return rejectUpgrade(socket, 401, 'missing or wrong token, or no WebSocket at that address', req);
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req));
  });

  const send = (ws: WebSocket, frame: string) => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      log.warn('dropped a console socket that stopped reading');
      return ws.terminate();
    }
    ws.send(frame);
  };

  sockets.on('connection', (ws: WebSocket) => {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    // ws closes the socket itself on a protocol error (1009 for a frame over maxPayload, 1002
    // or 1007 for a malformed one) and then reports it here; only the socket ends, never the host.
    ws.on('error', (error: Error & { code?: string }) => {
      const why = error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? `a message over the ${SOCKET_MAX_MESSAGE_BYTES} byte limit` : (error.code ?? error.message);
      log.warn(`closed a console socket: ${why}`);
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(SOCKET_CLOSE.unsupportedData, 'binary messages are not accepted');
      let message: unknown;
      try {
        message = JSON.parse(data.toString());
      } catch {
        return ws.close(SOCKET_CLOSE.invalidPayload, 'message is not JSON');
      }
      const parsed = clientMessageSchema.safeParse(message);
      if (!parsed.success) return ws.close(SOCKET_CLOSE.invalidPayload, 'message is not a request');
      const { id, name, input } = parsed.data;
      if (!isRequestName(name)) {
        // Answered without echoing the name into the log: a client could send anything there.
        log.warn('refused an unknown request name');
        const result = { ok: false, error: { code: 'UNKNOWN_REQUEST', message: 'There is no request by that name.' } };
        return send(ws, JSON.stringify({ type: 'result', id, result }));
      }
      void dispatch(core.handlers, name, input, log).then((result) => send(ws, JSON.stringify({ type: 'result', id, result })));
    });
  });

  const offEvents = core.bus.onAny((name, payload) => {
    const frame = JSON.stringify({ type: 'event', name, payload });
    for (const ws of clients) send(ws, frame);
  }, EVENT_NAMES);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log.error('the HTTP server failed', error));
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    port,
    token,
    async close() {
      offEvents();
      for (const ws of clients) ws.close(SOCKET_CLOSE.goingAway, 'console is shutting down');
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
