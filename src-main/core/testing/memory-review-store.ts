import { reviewDigestOf, type Review } from '../../../src-shared/review';
import type { ReviewStore } from '../reviews';

/** The testing implementation of the ReviewStore port: same contract, kept in memory. */
export function createMemoryReviewStore(initial: readonly Review[] = []): ReviewStore & { readonly writes: number } {
  const reviews = new Map(initial.map((review) => [review.caseId, structuredClone(review)]));
  let writes = 0;
  return {
    get writes() {
      return writes;
    },
    async load(caseId) {
      const review = reviews.get(caseId);
      return review ? structuredClone(review) : undefined;
    },
    async save(review) {
      writes++;
      reviews.set(review.caseId, structuredClone(review));
    },
    async caseIds() {
      return [...reviews.keys()].sort();
    },
    async digests() {
      return new Map([...reviews].map(([caseId, review]) => [caseId, reviewDigestOf(review)]));
    },
    forget() {
      // Nothing is held apart from the reviews themselves.
    },
  };
}
