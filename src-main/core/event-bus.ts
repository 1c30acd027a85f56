import type { EventName, EventPayload } from '../../src-shared/contract';

type Listener<K extends EventName> = (payload: EventPayload<K>) => void;

/** Pushed events from the core to whichever hosts are attached. */
export class EventBus {
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();

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

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    for (const listener of this.listeners.get(name) ?? []) (listener as Listener<K>)(payload);
  }
}
