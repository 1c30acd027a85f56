import type { EventName, EventPayload } from '../../src-shared/contract';

type Listener<K extends EventName> = (payload: EventPayload<K>) => void;

/** Where a listener's failure is reported; the other listeners still run. */
export type ListenerErrorLog = (message: string, error: unknown) => void;

/** Pushed events from the core to whichever hosts are attached. */
export class EventBus {
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();

  constructor(private readonly logError: ListenerErrorLog = (message, error) => console.error(`[desk] ${message}`, error)) {}

  on<K extends EventName>(name: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  /** Subscribes to every event, e.g. for a host that forwards all of them. */
  onAny(listener: <K extends EventName>(name: K, payload: EventPayload<K>) => void, names: readonly EventName[]): () => void {
    const offs = names.map((name) => this.on(name, (payload) => listener(name, payload)));
    return () => offs.forEach((off) => off());
  }

  /** Calls every listener; one that throws is logged and cannot keep the event from the others. */
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    for (const listener of this.listeners.get(name) ?? []) {
      try {
        (listener as Listener<K>)(payload);
      } catch (error) {
        this.logError(`a listener of ${name} failed`, error);
      }
    }
  }
}
