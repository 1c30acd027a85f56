import { foldCase } from '../domain/case-state';
import type { CaseRecord } from '../domain/events';
import { clocksOf, planOf, type Policy } from '../sla';
import type { ReviewDigest } from './digest';

export type ReviewRequirement =
  | { readonly required: false; readonly formal: false }
  | {
      readonly required: true;
      /** Under Premium the review is formally part of the service engagement. */
      readonly formal: boolean;
      readonly dueAt: string | null;
      readonly state: 'due' | 'overdue' | 'published';
      readonly publishedAt: string | null;
    };

export const PREMIUM_PLAN_ID = 'premium';

/** Each publication completes the review clock of the latest cycle resolved before it. */
export function reviewsCompleted(record: CaseRecord, review: Pick<ReviewDigest, 'revisions'> | null): { cycle: number; at: string }[] {
  const cycles = foldCase(record).cycles;
  return (review?.revisions ?? []).flatMap(({ publishedAt }) => {
    const covered = cycles.filter((cycle) => cycle.resolvedAt !== null && Date.parse(cycle.resolvedAt) <= Date.parse(publishedAt)).at(-1);
    return covered ? [{ cycle: covered.cycle, at: publishedAt }] : [];
  });
}

/**
 * Whether the case needs a review, by when, and whether it has one: the policy's
 * reviewRequired and reviewDue for the most severe severity of the resolved cycle, through
 * the shared review clock.
 */
export function reviewRequirement(record: CaseRecord, policy: Policy, review: ReviewDigest | null, nowIso: string): ReviewRequirement {
  const clocks = clocksOf(record.events, policy, nowIso, { reviewsCompleted: reviewsCompleted(record, review) });
  const clock = clocks.filter((c) => c.kind === 'reviewDue').at(-1);
  // a review clock ended without being met was stopped by reopening: the new cycle decides
  if (!clock || (clock.endedAt !== null && clock.metAt === null)) return { required: false, formal: false };
  const formal = planOf(policy, foldCase(record).plan).id === PREMIUM_PLAN_ID;
  if (clock.metAt !== null) return { required: true, formal, dueAt: clock.dueAt, state: 'published', publishedAt: clock.metAt };
  return { required: true, formal, dueAt: clock.dueAt, state: clock.state === 'breached' ? 'overdue' : 'due', publishedAt: null };
}
