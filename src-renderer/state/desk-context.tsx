import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Desk } from '../api';
import type { CasesState, CasesStore } from './cases-store';

export interface DeskStores {
  readonly desk: Desk;
  readonly cases: CasesStore;
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
