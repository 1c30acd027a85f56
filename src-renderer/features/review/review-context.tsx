import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ReviewChange, ReviewContent, ReviewSection } from '../../../src-shared/review';
import type { ReviewEditorState, ReviewEditorStore } from './review-store';

const ReviewStoreContext = createContext<ReviewEditorStore | null>(null);

export function ReviewStoreProvider({ store, children }: { store: ReviewEditorStore; children: ReactNode }) {
  return <ReviewStoreContext.Provider value={store}>{children}</ReviewStoreContext.Provider>;
}

export function useReviewStore(): ReviewEditorStore {
  const store = useContext(ReviewStoreContext);
  if (!store) throw new Error('useReview needs a ReviewStoreProvider above it');
  return store;
}

export function useReview<T>(selector: (state: ReviewEditorState) => T): T {
  return useStore(useReviewStore(), selector);
}

/** One section's value and whether it is read-only: a section re-renders only when its own value changes. */
export function useSection<K extends ReviewSection>(section: K): [ReviewContent[K], boolean] {
  const value = useReview((state) => state.content![section]);
  const readOnly = useReview((state) => state.review?.status === 'published');
  return [value, readOnly];
}

/** Makes one change (a field, an entry, an item) to the review being edited. */
export function useChange(): (change: ReviewChange) => void {
  return useReview((state) => state.change);
}

/** Why the field's value is not saved (see `fieldOf`), or undefined. */
export function useFieldProblem(field: string): string | undefined {
  return useReview((state) => state.problems.get(field)?.message);
}

export function useTimeZone(): string {
  return useReview((state) => state.view?.header.timeZone ?? 'UTC');
}
