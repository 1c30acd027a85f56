import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';

/** What the last export or import said: kept outside the section, which unmounts while the cases reload after an import. */
export interface DataOutcome {
  readonly status?: string;
  readonly error?: string;
  readonly busy?: 'export' | 'import';
}

type OutcomeStore = StoreApi<DataOutcome>;
const outcomes = new WeakMap<object, OutcomeStore>();

/** One outcome per console connection (the stores object), so each test or window starts blank. */
export function useDataOutcome(owner: object): [DataOutcome, (next: DataOutcome) => void] {
  let store = outcomes.get(owner);
  if (!store) {
    store = createStore<DataOutcome>(() => ({}));
    outcomes.set(owner, store);
  }
  const outcome = useStore(store);
  const replace = store.setState;
  return [outcome, (next) => replace(next, true)];
}
