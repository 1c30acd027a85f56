import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskError } from '../../src-shared/contract';
import type { CaseEvent } from '../../src-shared/domain';
import { reviewDeadlineItems, type Review, type ReviewDeadlineItem } from '../../src-shared/review';
import type { Desk } from '../api';
import type { CasesStore } from './cases-store';
import type { NowStore } from './now-store';
import type { SettingsStore } from './settings-store';

export type ReviewDueItem = Extract<ReviewDeadlineItem, { kind: 'reviewDue' }>;

export interface ReviewsState {
  /** Reviews still required and open action items with due dates, earliest first. */
  readonly items: readonly ReviewDeadlineItem[];
  /** The review each case still owes (required, not yet published), by case id. */
  readonly requiredByCase: Readonly<Record<string, ReviewDueItem>>;
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly error?: DeskError;
  load(): Promise<void>;
  /** Recomputes one case's items from its stored review and its record, with the shared rules. */
  refreshCase(caseId: string): Promise<void>;
}

export type ReviewsStore = StoreApi<ReviewsState>;

/** Case events after which the review requirement can change: a resolution starts it, reopening stops it. */
const REQUIREMENT_EVENTS: ReadonlySet<CaseEvent['type']> = new Set(['resolved', 'reopened', 'severityAdjusted']);

const byDue = (a: ReviewDeadlineItem, b: ReviewDeadlineItem) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.caseId.localeCompare(b.caseId);

function withItems(items: readonly ReviewDeadlineItem[]): Pick<ReviewsState, 'items' | 'requiredByCase'> {
  const requiredByCase: Record<string, ReviewDueItem> = {};
  for (const item of items) if (item.kind === 'reviewDue') requiredByCase[item.caseId] = item;
  return { items, requiredByCase };
}

/**
 * What the reviews owe, for the queue rows and the update-deadlines view. Loaded with
 * 'reviews.deadlines' at start and again on 'settings.changed' (the calendars the due dates run
 * on may have changed); otherwise only the case that changed is recomputed (on
 * 'reviews.changed', and on a resolution or reopening), so a busy desk never rescans them all.
 */
export function createReviewsStore(desk: Desk, deps: { cases: CasesStore; settings: SettingsStore; now: NowStore }): ReviewsStore {
  // A newer refresh of a case wins over an older one that answers later.
  const latest = new Map<string, number>();
  let counter = 0;
  const store = createStore<ReviewsState>()((set) => ({
    items: [],
    requiredByCase: {},
    status: 'idle',
    async load() {
      // Asked again (a reconnection), what is shown stays until the answer replaces it.
      set((state) => (state.status === 'ready' ? state : { status: 'loading' }));
      const result = await desk.api['reviews.deadlines']({});
      if (result.ok) set({ ...withItems(result.value), status: 'ready', error: undefined });
      else set((state) => (state.status === 'ready' ? { error: result.error } : { status: 'failed', error: result.error }));
    },
    async refreshCase(caseId) {
      const ticket = ++counter;
      latest.set(caseId, ticket);
      const result = await desk.api['reviews.get']({ caseId });
      const record = deps.cases.getState().byId.get(caseId);
      const policy = deps.settings.getState().settings?.policy;
      if (!result.ok || !record || !policy || latest.get(caseId) !== ticket) return;
      const reviews = new Map<string, Review>(result.value.review ? [[caseId, result.value.review]] : []);
      const nowIso = new Date(deps.now.getState().nowMs).toISOString();
      const fresh = reviewDeadlineItems({ cases: [record], reviews, policy, nowIso });
      set((state) => withItems([...state.items.filter((item) => item.caseId !== caseId), ...fresh].sort(byDue)));
    },
  }));
  desk.events.on('reviews.changed', ({ caseId }) => void store.getState().refreshCase(caseId));
  // Review due dates run on the plans' calendars: a settings change (a holiday import, new hours) moves them all.
  desk.events.on('settings.changed', () => void store.getState().load());
  desk.events.on('cases.changed', ({ record }) => {
    const last = record.events.at(-1);
    if (last && REQUIREMENT_EVENTS.has(last.type)) void store.getState().refreshCase(record.id);
  });
  return store;
}
