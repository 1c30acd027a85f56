import { createStore, type StoreApi } from 'zustand/vanilla';

/** The one clock of the whole UI: every countdown reads it, so one timer moves them all. */
export interface NowState {
  readonly nowMs: number;
  set(nowMs: number): void;
}

export type NowStore = StoreApi<NowState>;

export function createNowStore(initialMs: number = Date.now()): NowStore {
  return createStore<NowState>()((set) => ({
    nowMs: initialMs,
    set: (nowMs) => set({ nowMs }),
  }));
}

/** Moves the clock every `intervalMs` from `read`; returns the function that stops it. */
export function startTicking(store: NowStore, read: () => number = Date.now, intervalMs = 1000): () => void {
  store.getState().set(read());
  const timer = setInterval(() => store.getState().set(read()), intervalMs);
  return () => clearInterval(timer);
}
