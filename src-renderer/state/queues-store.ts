import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CaseRecord } from '../../src-shared/domain';
import type { Policy } from '../../src-shared/sla';
import { caseViewOf, type CaseView } from './case-view';
import type { CasesState, CasesStore } from './cases-store';
import { buildQueues, filterQueues, hasFilters, isQueued, matchesFilters } from './queues';
import type { SettingsStore } from './settings-store';
import { patchQueues, type Queues } from './sorted-queue';
import type { Filters, UiStore } from './ui-store';

export interface QueuesState {
  /** Every open case by queue, before filters; null until the settings (and so the policy) are loaded. */
  readonly all: Queues | null;
  /** The queues as filtered on screen. */
  readonly shown: Queues | null;
}

export type QueuesStore = StoreApi<QueuesState>;

interface Inputs {
  readonly byId: CasesState['byId'];
  readonly policy: Policy | undefined;
  readonly filters: Filters;
  readonly engineerName: string;
}

/**
 * The queues, kept sorted as the cases change: a pushed change moves only its case (out of its
 * old place, into its new one), so its cost does not grow with the number of open cases. A new
 * case map (a load), policy, engineer or filter builds them again from scratch.
 */
export function createQueuesStore(cases: CasesStore, settings: SettingsStore, ui: UiStore): QueuesStore {
  const read = (): Inputs => {
    const loaded = settings.getState().settings;
    return { byId: cases.getState().byId, policy: loaded?.policy, filters: ui.getState().filters, engineerName: loaded?.engineerName ?? '' };
  };
  let seen = read();
  const store = createStore<QueuesState>()(() => rebuild(seen));

  function rebuild({ byId, policy, filters, engineerName }: Inputs): QueuesState {
    if (!policy) return { all: null, shown: null };
    const all = buildQueues(byId, policy);
    return { all, shown: filterQueues(all, filters, engineerName) };
  }

  function follow(previous: CaseRecord | undefined, record: CaseRecord, { all, shown }: QueuesState, { policy, filters, engineerName }: Inputs): QueuesState {
    if (!policy || !all || !shown) return { all, shown };
    const before: CaseView | null = previous ? caseViewOf(previous, policy) : null;
    const after = caseViewOf(record, policy);
    const nextAll = patchQueues(all, before, after, isQueued);
    const nextShown = hasFilters(filters) ? patchQueues(shown, before, after, (view) => isQueued(view) && matchesFilters(view, filters, engineerName)) : nextAll;
    return { all: nextAll, shown: nextShown };
  }

  const update = () => {
    const previous = seen;
    const next = read();
    seen = next;
    const { patched } = cases.getState();
    if (next.policy !== previous.policy || next.engineerName !== previous.engineerName) return store.setState(rebuild(next));
    if (next.byId !== previous.byId) {
      const record = patched ? next.byId.get(patched) : undefined;
      return store.setState(record ? follow(previous.byId.get(record.id), record, store.getState(), next) : rebuild(next));
    }
    if (next.filters !== previous.filters) {
      const { all } = store.getState();
      store.setState({ shown: all ? filterQueues(all, next.filters, next.engineerName) : null });
    }
  };
  cases.subscribe(update);
  settings.subscribe(update);
  ui.subscribe(update);
  return store;
}
