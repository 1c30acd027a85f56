import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskError, NewCase, Result } from '../../src-shared/contract';
import type { CaseCommand, CaseRecord } from '../../src-shared/domain';
import type { Desk } from '../api';
import { CaseMap } from './case-map';

export interface CasesState {
  /** Every case by id; a change replaces one record in a new map (see CaseMap), so the old map stays as it was. */
  readonly byId: CaseMap;
  /** The case the last change patched (null after a load), so what derives from byId can follow one case instead of all. */
  readonly patched: string | null;
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly error?: DeskError;
  load(): Promise<void>;
  create(input: NewCase): Promise<Result<CaseRecord>>;
  /** One workflow action through 'cases.act'; the case is patched from the result. */
  act(id: string, command: CaseCommand): Promise<Result<CaseRecord>>;
  /** Patches one case from a pushed change; the rest of the map is untouched. */
  applyChange(record: CaseRecord): void;
}

export type CasesStore = StoreApi<CasesState>;

export function createCasesStore(desk: Desk): CasesStore {
  const store = createStore<CasesState>()((set) => ({
    byId: CaseMap.EMPTY,
    patched: null,
    status: 'idle',
    async load() {
      // Asked again (a reconnection), what is shown stays until the answer replaces it.
      set((state) => (state.status === 'ready' ? state : { status: 'loading' }));
      const result = await desk.api['cases.list']({});
      if (result.ok) set({ byId: CaseMap.of(result.value), patched: null, status: 'ready', error: undefined });
      else set((state) => (state.status === 'ready' ? { error: result.error } : { status: 'failed', error: result.error }));
    },
    async create(input) {
      const result = await desk.api['cases.create'](input);
      if (result.ok) store.getState().applyChange(result.value);
      return result;
    },
    async act(id, command) {
      const result = await desk.api['cases.act']({ id, command });
      if (result.ok) store.getState().applyChange(result.value);
      return result;
    },
    applyChange(record) {
      set((state) => {
        const current = state.byId.get(record.id);
        // A pushed change and a command's own result can arrive in either order: keep the longer timeline.
        if (current && current.events.length > record.events.length) return state;
        return { byId: state.byId.with(record), patched: record.id };
      });
    },
  }));
  desk.events.on('cases.changed', ({ record }) => store.getState().applyChange(record));
  // Team mode: a case imported here was the team's case of the same ticket; it is gone, merged into that one.
  desk.events.on('cases.merged', ({ id, into }) =>
    store.setState((state) => {
      const current = state.byId.get(into.id);
      const byId = state.byId.without(id);
      return { byId: current && current.events.length > into.events.length ? byId : byId.with(into), patched: null };
    }),
  );
  return store;
}
