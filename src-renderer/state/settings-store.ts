import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskError, Result } from '../../src-shared/contract';
import type { Settings, SettingsUpdate } from '../../src-shared/settings';
import type { Desk } from '../api';
import { rememberPolicyHistory } from './case-view';

export interface SettingsState {
  readonly settings: Settings | null;
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly error?: DeskError;
  load(): Promise<void>;
  /** Sends `settings.update` (each section sent replaces the stored one; in a team, named with its base version) and holds what the core saved. */
  update(patch: SettingsUpdate): Promise<Result<Settings>>;
}

export type SettingsStore = StoreApi<SettingsState>;

/** The settings the core holds, loaded once and replaced whenever the core announces a change. */
export function createSettingsStore(desk: Desk): SettingsStore {
  const store = createStore<SettingsState>()((set) => ({
    settings: null,
    status: 'idle',
    async load() {
      // Asked again (a reconnection), what is shown stays until the answer replaces it.
      set((state) => (state.status === 'ready' ? state : { status: 'loading' }));
      const result = await desk.api['settings.get']({});
      if (result.ok) set({ settings: rememberPolicyHistory(result.value), status: 'ready', error: undefined });
      else set((state) => (state.status === 'ready' ? { error: result.error } : { status: 'failed', error: result.error }));
    },
    async update(patch) {
      const result = await desk.api['settings.update'](patch);
      if (result.ok) set({ settings: rememberPolicyHistory(result.value), status: 'ready', error: undefined });
      return result;
    },
  }));
  desk.events.on('settings.changed', ({ settings }) => store.setState({ settings: rememberPolicyHistory(settings), status: 'ready', error: undefined }));
  return store;
}
