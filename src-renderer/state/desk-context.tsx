import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Desk } from '../api';
import { createAllCasesStore, type AllCasesState, type AllCasesStore } from './all-cases-store';
import { createCasesStore, type CasesState, type CasesStore } from './cases-store';
import { createConnectionStore, type ConnectionState, type ConnectionStore } from './connection-store';
import { createNowStore, type NowState, type NowStore } from './now-store';
import { createReviewsStore, type ReviewsState, type ReviewsStore } from './reviews-store';
import { createQueuesStore, type QueuesState, type QueuesStore } from './queues-store';
import { createSettingsStore, type SettingsState, type SettingsStore } from './settings-store';
import { createSystemStore, type SystemState, type SystemStore } from './system-store';
import { createUiStore, type UiState, type UiStore } from './ui-store';

export interface DeskStores {
  readonly desk: Desk;
  readonly cases: CasesStore;
  readonly settings: SettingsStore;
  readonly now: NowStore;
  readonly ui: UiStore;
  readonly reviews: ReviewsStore;
  /** What `system.info` says about this start, asked once. */
  readonly system: SystemStore;
  /** Derived from cases, settings and ui: the sorted queues, followed case by case. */
  readonly queues: QueuesStore;
  /** The All cases list: its query and the pages of the answer on screen. */
  readonly allCases: AllCasesStore;
  /** The connection to the host; a reconnection reloads every store. */
  readonly connection: ConnectionStore;
}

/** Every store of the console, fed by one host connection. */
export function createDeskStores(desk: Desk, now: NowStore = createNowStore()): DeskStores {
  const cases = createCasesStore(desk);
  const settings = createSettingsStore(desk);
  const ui = createUiStore();
  const reviews = createReviewsStore(desk, { cases, settings, now });
  const system = createSystemStore(desk);
  const allCases = createAllCasesStore(desk);
  const connection = createConnectionStore(desk.connection, () => {
    void settings.getState().load();
    void cases.getState().load();
    void reviews.getState().load();
    void system.getState().reload();
    allCases.getState().refresh();
  });
  return { desk, cases, settings, now, ui, reviews, system, queues: createQueuesStore(cases, settings, ui), allCases, connection };
}

const DeskContext = createContext<DeskStores | null>(null);

export function DeskProvider({ stores, children }: { stores: DeskStores; children: ReactNode }) {
  return <DeskContext.Provider value={stores}>{children}</DeskContext.Provider>;
}

export function useDeskStores(): DeskStores {
  const stores = useContext(DeskContext);
  if (!stores) throw new Error('useDeskStores needs a DeskProvider above it');
  return stores;
}

export function useCases<T>(selector: (state: CasesState) => T): T {
  return useStore(useDeskStores().cases, selector);
}

export function useSettings<T>(selector: (state: SettingsState) => T): T {
  return useStore(useDeskStores().settings, selector);
}

export function useSystem<T>(selector: (state: SystemState) => T): T {
  return useStore(useDeskStores().system, selector);
}

export function useConnection<T>(selector: (state: ConnectionState) => T): T {
  return useStore(useDeskStores().connection, selector);
}

export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(useDeskStores().ui, selector);
}

export function useReviews<T>(selector: (state: ReviewsState) => T): T {
  return useStore(useDeskStores().reviews, selector);
}

export function useAllCases<T>(selector: (state: AllCasesState) => T): T {
  return useStore(useDeskStores().allCases, selector);
}

export function useQueuesState<T>(selector: (state: QueuesState) => T): T {
  return useStore(useDeskStores().queues, selector);
}

export function useNow<T = number>(selector: (state: NowState) => T = (state) => state.nowMs as T): T {
  return useStore(useDeskStores().now, selector);
}
