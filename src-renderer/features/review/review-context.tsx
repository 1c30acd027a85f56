import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ReviewContent, ReviewSection } from '../../../src-shared/review';
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

/** One section's value and its setter: a section re-renders only when its own value changes. */
export function useSection<K extends ReviewSection>(section: K): [ReviewContent[K], (value: ReviewContent[K]) => void, boolean] {
  const value = useReview((state) => state.content![section]);
  const edit = useReview((state) => state.edit);
  const readOnly = useReview((state) => state.review?.status === 'published');
  return [value, (next) => edit(section, next), readOnly];
}

export function useTimeZone(): string {
  return useReview((state) => state.view?.header.timeZone ?? 'UTC');
}
