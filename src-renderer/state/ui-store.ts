import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CaseAction, Severity } from '../../src-shared/domain';

export type View = 'queues' | 'deadlines' | 'allCases' | 'reports' | 'management' | 'settings';

/** "escalated" is not a status of its own: it is any case escalated in its current cycle. */
export const STATUS_FILTERS = ['new', 'investigating', 'waitingOnCustomer', 'escalated', 'resolved'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface Filters {
  readonly scope: 'mine' | 'all';
  /** Plan id, or '' for every plan. */
  readonly plan: string;
  readonly customer: string;
  readonly status: StatusFilter | '';
  /** Matched against id, title and customer. */
  readonly search: string;
}

export const NO_FILTERS: Filters = { scope: 'all', plan: '', customer: '', status: '', search: '' };

export type Dialog = { readonly kind: 'newCase' } | { readonly kind: 'shortcuts' } | { readonly kind: 'action'; readonly action: CaseAction; readonly caseId: string };

export interface UiState {
  readonly view: View;
  readonly queue: Severity;
  /** False until the engineer picks a queue; until then the most severe queue with cases is shown. */
  readonly queueChosen: boolean;
  /** The case the keyboard is on. */
  readonly cursorId: string | null;
  /** Where a list shows a case on several rows (the deadlines), which of them; null for the first. */
  readonly cursorRow: string | null;
  /** The case shown in the detail panel. */
  readonly openCaseId: string | null;
  readonly dialog: Dialog | null;
  readonly filters: Filters;
  /** The case whose post-incident review fills the main area, over the current view. */
  readonly reviewCaseId: string | null;
  showView(view: View): void;
  showQueue(queue: Severity): void;
  moveCursor(id: string | null, row?: string | null): void;
  openCase(id: string | null): void;
  openDialog(dialog: Dialog | null): void;
  setFilters(patch: Partial<Filters>): void;
  openReview(caseId: string | null): void;
}

export type UiStore = StoreApi<UiState>;

export function createUiStore(): UiStore {
  return createStore<UiState>()((set) => ({
    view: 'queues',
    queue: 'P1',
    queueChosen: false,
    cursorId: null,
    cursorRow: null,
    openCaseId: null,
    dialog: null,
    filters: NO_FILTERS,
    reviewCaseId: null,
    showView: (view) => set({ view, reviewCaseId: null }),
    showQueue: (queue) => set({ view: 'queues', queue, queueChosen: true, reviewCaseId: null }),
    moveCursor: (cursorId, cursorRow = null) => set({ cursorId, cursorRow }),
    openCase: (openCaseId) => set((state) => (openCaseId ? { openCaseId, cursorId: openCaseId, cursorRow: state.cursorId === openCaseId ? state.cursorRow : null } : { openCaseId })),
    openDialog: (dialog) => set({ dialog }),
    setFilters: (patch) => set((state) => ({ filters: { ...state.filters, ...patch } })),
    openReview: (reviewCaseId) => set({ reviewCaseId }),
  }));
}
