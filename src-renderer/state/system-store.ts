import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskError, SystemInfo } from '../../src-shared/contract';
import type { Desk } from '../api';

export interface SystemState {
  readonly info: SystemInfo | null;
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly error?: DeskError;
  /** The sentence of the last damage found while the console ran (pushed as storage.changed). */
  readonly lastDamage?: string;
  /** Asks the core the first time; every later call shares that answer (a failure is asked again). */
  load(): Promise<void>;
  /** Asks again (after a reconnection: the host may have restarted and found other things). */
  reload(): Promise<void>;
}

export type SystemStore = StoreApi<SystemState>;

/**
 * The host, the data directory and what was found when the data was opened: facts of this start,
 * so one `system.info` serves every part of the console that needs them; damage found later is
 * pushed (`storage.changed`) and patched in.
 */
export function createSystemStore(desk: Desk): SystemStore {
  let asking: Promise<void> | null = null;
  const store = createStore<SystemState>()((set, get) => ({
    info: null,
    status: 'idle',
    load() {
      if (get().status === 'ready') return Promise.resolve();
      if (!asking) {
        set({ status: 'loading' });
        asking = desk.api['system.info']({}).then((result) => {
          asking = null;
          if (result.ok) set({ info: result.value, status: 'ready', error: undefined });
          else set({ status: 'failed', error: result.error });
        });
      }
      return asking;
    },
    reload() {
      if (asking) return asking;
      asking = desk.api['system.info']({}).then((result) => {
        asking = null;
        if (result.ok) set({ info: result.value, status: 'ready', error: undefined });
        else if (get().status !== 'ready') set({ status: 'failed', error: result.error });
      });
      return asking;
    },
  }));
  // Damage found while the console runs: the storage report as system.info now gives it, at once.
  desk.events.on('storage.changed', ({ storage, message }) => {
    const info = store.getState().info;
    if (info) store.setState({ info: { ...info, storage }, lastDamage: message });
    else void store.getState().reload().then(() => store.setState({ lastDamage: message }));
  });
  return store;
}
