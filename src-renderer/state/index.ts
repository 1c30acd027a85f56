export { createCasesStore, type CasesState, type CasesStore } from './cases-store';
export { createSettingsStore, type SettingsState, type SettingsStore } from './settings-store';
export { createNowStore, startTicking, type NowState, type NowStore } from './now-store';
export { createUiStore, NO_FILTERS, STATUS_FILTERS, type Dialog, type Filters, type StatusFilter, type UiState, type UiStore, type View } from './ui-store';
export { createReviewsStore, type ReviewDueItem, type ReviewsState, type ReviewsStore } from './reviews-store';
export { caseViewOf, type CaseView } from './case-view';
export { buildQueues, byDue, compareIds, filterQueues, matchesFilters, overdueCount, type Queues } from './queues';
export { createDeskStores, DeskProvider, useCases, useDeskStores, useNow, useReviews, useSettings, useUi, type DeskStores } from './desk-context';
export { useCaseView, useFilteredQueues, useLoadedSettings, useQueues } from './selectors';
