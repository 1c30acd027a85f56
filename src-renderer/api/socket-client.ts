import { REQUEST_NAMES, type DeskApi, type DeskError, type DeskEvents, type EventName, type Result } from '../../src-shared/contract';
import { SOCKET_MAX_MESSAGE_BYTES } from '../../src-shared/contract/transport';
import type { ConnectionStatus, Desk, DeskConnection } from './desk';

type Pending = { resolve: (result: Result<unknown>) => void; timer: unknown };
type ServerMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; name: EventName; payload: unknown };

/** The timers the client uses, injected so tests drive them. */
export interface ClientTimers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

export interface SocketClientOptions {
  readonly url: string;
  readonly WebSocketImpl?: typeof WebSocket;
  readonly timers?: ClientTimers;
  /** A request not answered within this long fails (default 30 s). */
  readonly requestTimeoutMs?: number;
}

/** Waits between reconnection attempts: doubling from 0.5 s, at most 5 s. */
export const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 5000] as const;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

const systemTimers: ClientTimers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (timer) => globalThis.clearTimeout(timer as ReturnType<typeof globalThis.setTimeout>),
};

const unavailable = (message: string): Result<never> => ({ ok: false, error: { code: 'UNAVAILABLE', message } });

export const CONNECTION_LOST_MESSAGE = 'The connection to the console was lost; it is reconnecting. Try again once it is back.';
const droppedMessage = 'The connection to the console was lost before it answered, so this may not have been done. Check once it is back, then try again.';

/**
 * The browser host's transport: the same contract over one WebSocket. A request never hangs: it
 * fails at once while the connection is lost, fails when the socket closes before its answer,
 * and fails after a timeout. The connection's state is published so the console can say so,
 * and the client reconnects by itself with growing waits.
 */
export function createSocketClient(options: SocketClientOptions): Desk & { readonly connection: DeskConnection } {
  const Impl = options.WebSocketImpl ?? WebSocket;
  const timers = options.timers ?? systemTimers;
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  /** Requests asked before the first connection opened; sent when it does. */
  const waiting: Array<() => void> = [];
  let nextId = 1;
  let socket: WebSocket;
  let status: ConnectionStatus = { state: 'connecting' };
  let failures = 0;
  let retryTimer: unknown = null;

  const publish = (next: ConnectionStatus) => {
    status = next;
    for (const listener of statusListeners) listener(next);
  };

  const settle = (id: number, result: Result<unknown>) => {
    const request = pending.get(id);
    if (!request) return;
    pending.delete(id);
    timers.clearTimeout(request.timer);
    request.resolve(result);
  };

  const connect = () => {
    retryTimer = null;
    const current = new Impl(options.url);
    socket = current;
    if (status.state === 'lost') publish({ ...status, retryAt: null });
    current.addEventListener('open', () => {
      failures = 0;
      publish({ state: 'open' });
      for (const send of waiting.splice(0)) send();
    });
    current.addEventListener('message', (event) => {
      let message: ServerMessage;
      try {
        message = JSON.parse(String(event.data)) as ServerMessage;
      } catch {
        return;
      }
      if (message.type === 'result') settle(message.id, message.result);
      else for (const listener of listeners.get(message.name) ?? []) listener(message.payload);
    });
    current.addEventListener('close', () => {
      if (socket !== current) return;
      for (const id of [...pending.keys()]) settle(id, unavailable(droppedMessage));
      const delay = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)]!;
      failures++;
      publish({ state: 'lost', attempts: failures, retryAt: timers.now() + delay });
      for (const send of waiting.splice(0)) send();
      retryTimer = timers.setTimeout(connect, delay);
    });
  };
  connect();

  const send = (name: string, input: unknown): Promise<Result<unknown>> => {
    if (status.state !== 'open') return Promise.resolve(unavailable(CONNECTION_LOST_MESSAGE));
    const id = nextId++;
    const frame = JSON.stringify({ id, name, input });
    // The host closes a socket that sends more; refuse it here, with a sentence instead.
    const bytes = new TextEncoder().encode(frame).byteLength;
    if (bytes > SOCKET_MAX_MESSAGE_BYTES) {
      const mib = (bytes / (1024 * 1024)).toFixed(1);
      const error: DeskError = { code: 'INVALID_INPUT', message: `This request is ${mib} MiB; the console's connection carries at most 1 MiB per request.` };
      return Promise.resolve({ ok: false, error });
    }
    return new Promise((resolve) => {
      const seconds = Math.round(timeoutMs / 1000);
      const timer = timers.setTimeout(
        () => settle(id, unavailable(`The console did not answer within ${seconds} s, so this may not have been done. Check, then try again.`)),
        timeoutMs,
      );
      pending.set(id, { resolve, timer });
      socket.send(frame);
    });
  };

  const call = (name: string, input: unknown): Promise<Result<unknown>> => {
    // The very first connection is still being made: wait for it rather than fail at once.
    if (status.state === 'connecting') return new Promise((resolve) => waiting.push(() => void send(name, input).then(resolve)));
    return send(name, input);
  };

  const api = Object.fromEntries(REQUEST_NAMES.map((name) => [name, (input: unknown) => call(name, input)])) as unknown as DeskApi;
  const events: DeskEvents = {
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
  const connection: DeskConnection = {
    status: () => status,
    subscribe(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    retryNow() {
      if (status.state !== 'lost' || retryTimer === null) return;
      timers.clearTimeout(retryTimer);
      connect();
    },
  };
  return { api, events, connection };
}

/** The socket beside the page: the console at `/<token>/` talks to `ws://host/<token>/ws`. */
export function socketUrlFor(location: Pick<Location, 'protocol' | 'host' | 'pathname'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const folder = location.pathname.slice(0, location.pathname.lastIndexOf('/') + 1);
  return `${scheme}//${location.host}${folder}ws`;
}
