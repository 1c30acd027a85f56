import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskError } from '../../src-shared/contract';
import type { Settings } from '../../src-shared/settings';
import type { Desk } from '../api';

export interface SettingsState {
  readonly settings: Settings | null;
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly error?: DeskError;
  load(): Promise<void>;
}

export type SettingsStore = StoreApi<SettingsState>;

/** The settings the core holds, loaded once and replaced whenever the core announces a change. */
export function createSettingsStore(desk: Desk): SettingsStore {
  const store = createStore<SettingsState>()((set) => ({
    settings: null,
    status: 'idle',
    async load() {
      set({ status: 'loading' });
      const result = await desk.api['settings.get']({});
      if (result.ok) set({ settings: result.value, status: 'ready', error: undefined });
      else set({ status: 'failed', error: result.error });
    },
  }));
  desk.events.on('settings.changed', ({ settings }) => store.setState({ settings, status: 'ready', error: undefined }));
  return store;
}
