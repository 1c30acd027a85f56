import { foldCase } from '../domain/case-state';
import type { CaseRecord } from '../domain/events';
import type { Policy } from '../sla';
import { caseTimeZone, endOfDueDay } from './calendar-zone';
import type { ReviewDigest } from './digest';
import { reviewRequirement } from './requirement';

export type ReviewDeadlineItem =
  | { readonly kind: 'reviewDue'; readonly caseId: string; readonly caseTitle: string; readonly dueAt: string; readonly overdue: boolean; readonly formal: boolean }
  | {
      readonly kind: 'actionItem';
      readonly caseId: string;
      readonly caseTitle: string;
      readonly itemId: string;
      readonly title: string;
      readonly owner: string;
      /** The day it is due ("2026-11-30"): a date, shown as a date. */
      readonly due: string;
      /** The end of that day in the case's time zone, for ordering and reminders. */
      readonly dueAt: string;
      readonly overdue: boolean;
    };

export interface ReviewDeadlineInput {
  readonly cases: readonly CaseRecord[];
  /** Reviews (or their digests) by case id; a case without one has none yet. */
  readonly reviews: ReadonlyMap<string, ReviewDigest>;
  readonly policy: Policy;
  readonly nowIso: string;
}

/** Open action items with a due date, with the instant they fall due. */
export function openActionItemDeadlines(review: ReviewDigest, caseTitle: string, timeZone: string, nowIso: string): ReviewDeadlineItem[] {
  const now = Date.parse(nowIso);
  return review.content.actionItems.flatMap((item) => {
    if (item.status !== 'open' || item.due === null) return [];
    const dueAt = endOfDueDay(item.due, timeZone);
    return [{ kind: 'actionItem' as const, caseId: review.caseId, caseTitle, itemId: item.id, title: item.title, owner: item.owner, due: item.due, dueAt, overdue: Date.parse(dueAt) <= now }];
  });
}

/**
 * What the reviews owe, for the update-deadlines view: every review still required (until
 * published) and every open action item with a due date, earliest first.
 */
export function reviewDeadlineItems(input: ReviewDeadlineInput): ReviewDeadlineItem[] {
  const items: ReviewDeadlineItem[] = [];
  for (const record of input.cases) {
    const state = foldCase(record);
    const review = input.reviews.get(record.id) ?? null;
    const requirement = reviewRequirement(record, input.policy, review, input.nowIso);
    if (requirement.required && requirement.state !== 'published' && requirement.dueAt !== null) {
      items.push({ kind: 'reviewDue', caseId: record.id, caseTitle: state.title, dueAt: requirement.dueAt, overdue: requirement.state === 'overdue', formal: requirement.formal });
    }
    if (review) items.push(...openActionItemDeadlines(review, state.title, caseTimeZone(input.policy, state.plan), input.nowIso));
  }
  return items.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.caseId.localeCompare(b.caseId));
}
