import { REQUEST_NAMES, type DeskApi, type DeskEvents, type EventName, type Result } from '../../src-shared/contract';
import { SOCKET_MAX_MESSAGE_BYTES } from '../../src-shared/contract/transport';
import type { Desk } from './desk';

type Pending = { resolve: (result: Result<unknown>) => void };
type ServerMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; name: EventName; payload: unknown };

export interface SocketClientOptions {
  readonly url: string;
  /** Called when the connection drops and when it comes back, so the UI can say so and reload. */
  readonly onStatus?: (status: 'open' | 'closed') => void;
  readonly WebSocketImpl?: typeof WebSocket;
}

/**
 * The browser host's transport: the same contract over one WebSocket. Requests wait for the
 * socket; if it drops, pending requests fail with a typed error and the client reconnects.
 */
export function createSocketClient(options: SocketClientOptions): Desk {
  const Impl = options.WebSocketImpl ?? WebSocket;
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket;
  let opened: Promise<void>;
  let retryMs = 250;

  const connect = () => {
    socket = new Impl(options.url);
    opened = new Promise((resolve) => socket.addEventListener('open', () => resolve(), { once: true }));
    socket.addEventListener('open', () => {
      retryMs = 250;
      options.onStatus?.('open');
    });
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as ServerMessage;
      if (message.type === 'result') {
        pending.get(message.id)?.resolve(message.result);
        pending.delete(message.id);
      } else {
        for (const listener of listeners.get(message.name) ?? []) listener(message.payload);
      }
    });
    socket.addEventListener('close', () => {
      for (const [, request] of pending) {
        request.resolve({ ok: false, error: { code: 'INTERNAL', message: 'The connection to the console was lost; try again.' } });
      }
      pending.clear();
      options.onStatus?.('closed');
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    });
  };
  connect();

  const call = async (name: string, input: unknown): Promise<Result<unknown>> => {
    await opened;
    const id = nextId++;
    const frame = JSON.stringify({ id, name, input });
    // The host closes a socket that sends more; refuse it here, with a sentence instead.
    const bytes = new TextEncoder().encode(frame).byteLength;
    if (bytes > SOCKET_MAX_MESSAGE_BYTES) {
      const mib = (bytes / (1024 * 1024)).toFixed(1);
      return { ok: false, error: { code: 'INVALID_INPUT', message: `This request is ${mib} MiB; the console's connection carries at most 1 MiB per request.` } };
    }
    return new Promise((resolve) => {
      pending.set(id, { resolve });
      socket.send(frame);
    });
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
  return { api, events };
}

/** The socket beside the page: the console at `/<token>/` talks to `ws://host/<token>/ws`. */
export function socketUrlFor(location: Pick<Location, 'protocol' | 'host' | 'pathname'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const folder = location.pathname.slice(0, location.pathname.lastIndexOf('/') + 1);
  return `${scheme}//${location.host}${folder}ws`;
}
