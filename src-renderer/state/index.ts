export { createCasesStore, type CasesState, type CasesStore } from './cases-store';
export { createSettingsStore, type SettingsState, type SettingsStore } from './settings-store';
export { createSystemStore, type SystemState, type SystemStore } from './system-store';
export { createNowStore, startTicking, type NowState, type NowStore } from './now-store';
export { createUiStore, NO_FILTERS, STATUS_FILTERS, type Dialog, type Filters, type StatusFilter, type UiState, type UiStore, type View } from './ui-store';
export { createReviewsStore, type ReviewDueItem, type ReviewsState, type ReviewsStore } from './reviews-store';
export { caseViewOf, type CaseView } from './case-view';
export { CaseMap } from './case-map';
export { buildQueues, filterQueues, hasFilters, isQueued, matchesFilters, overdueCount } from './queues';
export { byDue, compareIds, indexByDue, patchQueues, type Queues } from './sorted-queue';
export { createQueuesStore, type QueuesState, type QueuesStore } from './queues-store';
export {
  ALL_CASES_PAGE,
  createAllCasesStore,
  isLoading,
  NO_ALL_CASES_FILTERS,
  queryOf,
  SEARCH_DEBOUNCE_MS,
  type AllCasesFilters,
  type AllCasesResult,
  type AllCasesSort,
  type AllCasesState,
  type AllCasesStatus,
  type AllCasesStore,
} from './all-cases-store';
export { createConnectionStore, type ConnectionState, type ConnectionStore } from './connection-store';
export { createDeskStores, DeskProvider, useAllCases, useCases, useConnection, useDeskStores, useNow, useQueuesState, useReviews, useSettings, useSystem, useUi, type DeskStores } from './desk-context';
export { useCaseView, useFilteredQueues, useLoadedSettings, useQueues } from './selectors';
