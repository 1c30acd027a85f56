import type { DeskApi, DeskEvents, EventName, EventPayload, Result } from '../../src-shared/contract';
import { REQUEST_NAMES } from '../../src-shared/contract';
import type { Desk } from '../../src-renderer/api';

type Handler = (input: never) => Promise<Result<unknown>> | Result<unknown>;

/**
 * The renderer's backend, faked at the message boundary: each request answers with what the
 * test configured (or a typed error), and the test can push events as the core would.
 */
export function createFakeDesk(handlers: Partial<Record<keyof DeskApi, Handler>> = {}) {
  const calls: Array<{ name: string; input: unknown }> = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const api = Object.fromEntries(
    REQUEST_NAMES.map((name) => [
      name,
      async (input: unknown) => {
        calls.push({ name, input });
        const handler = handlers[name];
        if (!handler) return { ok: false, error: { code: 'INTERNAL', message: `fake desk has no answer for ${name}` } };
        return handler(input as never);
      },
    ]),
  ) as unknown as DeskApi;
  const events: DeskEvents = {
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
  const desk: Desk = { api, events };
  return {
    desk,
    calls,
    push<K extends EventName>(name: K, payload: EventPayload<K>) {
      for (const listener of listeners.get(name) ?? []) listener(payload);
    },
  };
}
