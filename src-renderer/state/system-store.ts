import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskError, SystemInfo } from '../../src-shared/contract';
import type { Desk } from '../api';

export interface SystemState {
  readonly info: SystemInfo | null;
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly error?: DeskError;
  /** Asks the core the first time; every later call shares that answer (a failure is asked again). */
  load(): Promise<void>;
  /** Asks again (after a reconnection: the host may have restarted and found other things). */
  reload(): Promise<void>;
}

export type SystemStore = StoreApi<SystemState>;

/**
 * The host, the data directory and what was found when the data was opened: facts of this start,
 * so one `system.info` serves every part of the console that needs them.
 */
export function createSystemStore(desk: Desk): SystemStore {
  let asking: Promise<void> | null = null;
  return createStore<SystemState>()((set, get) => ({
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
}
