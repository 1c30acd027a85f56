import type { ActionItem, Review, ReviewStatus } from './model';

/**
 * What the paths that look at every review need of one (the deadlines, the action items'
 * notifications, the reports): its status and version, when each revision was published, its
 * action items without their links, and its root-cause labels. A Review is one; the review
 * store keeps one per review so those paths do not read every review's file.
 */
export interface ReviewDigest {
  readonly caseId: string;
  readonly version: number;
  readonly status: ReviewStatus;
  readonly revisions: ReadonlyArray<{ readonly publishedAt: string }>;
  readonly content: {
    readonly actionItems: ReadonlyArray<Pick<ActionItem, 'id' | 'title' | 'owner' | 'due' | 'status' | 'closedAt'>>;
    readonly rootCauseAnalysis: { readonly categories?: readonly string[] | undefined; readonly tags?: readonly string[] | undefined };
  };
}

/** The digest of a review: a copy of only those fields, sharing nothing with the review. */
export function reviewDigestOf(review: Review): ReviewDigest {
  const analysis = review.content.rootCauseAnalysis;
  return {
    caseId: review.caseId,
    version: review.version,
    status: review.status,
    revisions: review.revisions.map((revision) => ({ publishedAt: revision.publishedAt })),
    content: {
      actionItems: review.content.actionItems.map(({ id, title, owner, due, status, closedAt }) => ({ id, title, owner, due, status, closedAt })),
      rootCauseAnalysis: {
        ...(analysis.categories ? { categories: [...analysis.categories] } : {}),
        ...(analysis.tags ? { tags: [...analysis.tags] } : {}),
      },
    },
  };
}
