export { createCasesStore, type CasesState, type CasesStore } from './cases-store';
export { DeskProvider, useCases, useDeskStores, type DeskStores } from './desk-context';
