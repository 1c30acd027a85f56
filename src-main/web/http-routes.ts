import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../core/core';
import type { HostLog } from './redact';
import { serviceDeskRoutes } from './service-desk-routes';
import { transferRoutes } from './transfer-routes';

/**
 * One HTTP route of the browser host, served below the console's address `/<token>/`. The host
 * has already checked the Host header, the token and that the request comes from the console's
 * own page (Origin, Sec-Fetch-Site) before `handle` runs; it catches a throw or rejection, and
 * answers 500 if nothing was sent. A route that reads a body enforces its own size limit.
 */
export interface HttpRoute {
  /** Logged instead of the address, which carries the token. */
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The path below `/<token>/`, without a leading slash, e.g. `data/export`. */
  readonly path: string;
  handle(request: RouteRequest): Promise<void> | void;
}

export interface RouteRequest {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** The request's query string, parsed. */
  readonly query: URLSearchParams;
  readonly log: HostLog;
}

/** The console's HTTP routes besides its static files and the socket (`/<token>/ws`). */
export function consoleRoutes(core: Core): readonly HttpRoute[] {
  return [...transferRoutes(core.data), ...serviceDeskRoutes(core.serviceDeskFiles)];
}

/** The route for a method and path, or why there is none. */
export function findRoute(
  routes: readonly HttpRoute[],
  method: string | undefined,
  path: string,
): { route: HttpRoute } | { wrongMethod: readonly string[] } | undefined {
  const atPath = routes.filter((route) => route.path === path);
  if (atPath.length === 0) return undefined;
  const route = atPath.find((candidate) => candidate.method === method);
  return route ? { route } : { wrongMethod: atPath.map((candidate) => candidate.method) };
}
