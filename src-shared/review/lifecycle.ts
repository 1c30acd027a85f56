import type { CaseRecord } from '../domain/events';
import { publishProblems, type ReviewProblem } from './completeness';
import { impactFromEvents } from './impact';
import { applyReviewChange, applyReviewChanges, type ReviewChange } from './changes';
import type { ActionItem, Review, ReviewContent, ReviewStatus } from './model';
import { addEventsToTimeline, newCaseEvents, reconstructTimeline } from './timeline';

/**
 * The rules of a review's life, as pure functions: draft -> in review -> published; a
 * published review is never changed, a change starts the next revision. Every change
 * names the version it was made from, so two editors never overwrite each other silently.
 */

export interface ReviewContext {
  readonly nowIso: string;
  readonly actor: string;
}

export type ReviewRefusal = { readonly ok: false; readonly code: 'conflict' | 'notAllowed' | 'notFound' | 'incomplete' | 'invalid'; readonly reason: string; readonly problems?: readonly ReviewProblem[] };
export type ReviewDecision = { readonly ok: true; readonly review: Review } | ReviewRefusal;

export function emptyContent(record: CaseRecord): ReviewContent {
  return {
    summary: '',
    impact: impactFromEvents(record.events),
    timeline: reconstructTimeline(record.events),
    rootCauseAnalysis: { rootCause: '', contributingFactors: '', fiveWhys: [] },
    preventativeRecommendations: '',
    operationalImprovements: '',
    actionItems: [],
    lessonsLearned: { wentWell: '', wentWrong: '', gotLucky: '' },
  };
}

/** "Start review": a draft prefilled from the case's events. */
export function startReview(record: CaseRecord, context: ReviewContext): Review {
  return {
    caseId: record.id,
    status: 'draft',
    revision: 1,
    version: 1,
    createdAt: context.nowIso,
    createdBy: context.actor,
    updatedAt: context.nowIso,
    updatedBy: context.actor,
    submittedBy: null,
    submittedAt: null,
    approver: null,
    knownEventSeq: Math.max(...record.events.map((event) => event.seq)),
    content: emptyContent(record),
    revisions: [],
  };
}

function conflict(review: Review, baseVersion: number): ReviewRefusal | null {
  if (baseVersion === review.version) return null;
  return {
    ok: false,
    code: 'conflict',
    reason: `The review of ${review.caseId} changed since version ${baseVersion} (it is now at version ${review.version}); compare both and choose what to keep.`,
  };
}

function changed(review: Review, context: ReviewContext, next: Partial<Review>): Review {
  return { ...review, ...next, version: review.version + 1, updatedAt: context.nowIso, updatedBy: context.actor };
}

const EDITABLE: readonly ReviewStatus[] = ['draft', 'inReview'];

/** Applies the changes sent, in order, onto the version they were made from. */
export function saveReview(review: Review, baseVersion: number, changes: readonly ReviewChange[], context: ReviewContext): ReviewDecision {
  const refused = conflict(review, baseVersion);
  if (refused) return refused;
  if (!EDITABLE.includes(review.status)) {
    return { ok: false, code: 'notAllowed', reason: `Revision ${review.revision} of the review of ${review.caseId} is published and cannot change; start a new revision to edit it.` };
  }
  const applied = applyReviewChanges(review.content, changes, context);
  if (!applied.ok) {
    return { ok: false, code: 'invalid', reason: `Change ${applied.index + 1} cannot be made: ${applied.message}.`, problems: [{ path: `changes.${applied.index}`, message: applied.message }] };
  }
  return { ok: true, review: changed(review, context, { content: applied.content }) };
}

/** Adds the case events recorded since the draft started (the engineer chose to). */
export function takeInCaseEvents(review: Review, baseVersion: number, record: CaseRecord, context: ReviewContext): ReviewDecision {
  const refused = conflict(review, baseVersion);
  if (refused) return refused;
  if (!EDITABLE.includes(review.status)) return { ok: false, code: 'notAllowed', reason: `The review of ${review.caseId} is published; start a new revision to change its timeline.` };
  const offered = newCaseEvents(record.events, review.knownEventSeq, review.content.timeline);
  const knownEventSeq = Math.max(review.knownEventSeq, ...record.events.map((event) => event.seq));
  return { ok: true, review: changed(review, context, { knownEventSeq, content: { ...review.content, timeline: addEventsToTimeline(review.content.timeline, offered) } }) };
}

/** Two names for the same engineer, whatever their case or spacing. */
export function samePerson(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

const NO_SUBMISSION = { submittedBy: null, submittedAt: null, approver: null } as const;

/** Moves a draft into review, naming who submits it (the actor) and who approves it. */
export function submitReview(review: Review, baseVersion: number, approver: string, context: ReviewContext): ReviewDecision {
  const refused = conflict(review, baseVersion);
  if (refused) return refused;
  if (review.status !== 'draft') return { ok: false, code: 'notAllowed', reason: `Only a draft goes into review; the review of ${review.caseId} is ${review.status}.` };
  const named = approver.trim();
  if (named === '') return { ok: false, code: 'invalid', reason: 'Name the engineer who approves the review.', problems: [{ path: 'approver', message: 'name the engineer who approves the review' }] };
  if (samePerson(named, context.actor)) {
    return { ok: false, code: 'notAllowed', reason: `${context.actor} cannot approve their own review: name another engineer as approver.`, problems: [{ path: 'approver', message: 'the approver must be someone other than the submitter' }] };
  }
  return { ok: true, review: changed(review, context, { status: 'inReview', submittedBy: context.actor, submittedAt: context.nowIso, approver: named }) };
}

export function returnToDraft(review: Review, baseVersion: number, context: ReviewContext): ReviewDecision {
  const refused = conflict(review, baseVersion);
  if (refused) return refused;
  if (review.status !== 'inReview') return { ok: false, code: 'notAllowed', reason: `Only a review in review goes back to draft; the review of ${review.caseId} is ${review.status}.` };
  return { ok: true, review: changed(review, context, { status: 'draft', ...NO_SUBMISSION }) };
}

/** Why the actor may not approve this review, or null when they may. */
export function approvalRefusal(review: Pick<Review, 'submittedBy' | 'approver'>, actor: string): string | null {
  if (samePerson(actor, review.submittedBy)) return `${actor} submitted this review and cannot approve it${review.approver ? `; ${review.approver} approves it` : ''}.`;
  if (review.approver !== null && !samePerson(actor, review.approver)) return `${review.approver} was named to approve this review; only they can publish it.`;
  return null;
}

/** Publishes (approves) a complete review in review; the revision is kept as published. */
export function publishReview(review: Review, baseVersion: number, context: ReviewContext): ReviewDecision {
  const refused = conflict(review, baseVersion);
  if (refused) return refused;
  if (review.status !== 'inReview') return { ok: false, code: 'notAllowed', reason: `Submit the review for review before publishing it; it is ${review.status}.` };
  const notApprover = approvalRefusal(review, context.actor);
  if (notApprover) return { ok: false, code: 'notAllowed', reason: notApprover };
  const problems = publishProblems(review.content);
  if (problems.length > 0) {
    return { ok: false, code: 'incomplete', reason: `The review cannot be published yet: ${problems.map((p) => p.message).join('; ')}.`, problems };
  }
  const published = { revision: review.revision, publishedAt: context.nowIso, publishedBy: context.actor, submittedBy: review.submittedBy, content: review.content };
  return { ok: true, review: changed(review, context, { status: 'published', revisions: [...review.revisions, published] }) };
}

/** A change to a published review: the next revision, as a draft with the published content. */
export function reviseReview(review: Review, baseVersion: number, context: ReviewContext): ReviewDecision {
  const refused = conflict(review, baseVersion);
  if (refused) return refused;
  if (review.status !== 'published') return { ok: false, code: 'notAllowed', reason: `Revision ${review.revision} is not published yet; edit it as it is.` };
  return { ok: true, review: changed(review, context, { status: 'draft', revision: review.revision + 1, ...NO_SUBMISSION }) };
}

/**
 * Closes or reopens one action item. Tracking an item to completion is allowed in any
 * status: the published revision keeps the items as they were when published.
 */
export function setActionItemStatus(review: Review, itemId: string, status: ActionItem['status'], context: ReviewContext): ReviewDecision {
  const outcome = applyReviewChange(review.content, { op: 'setActionItem', id: itemId, status }, context);
  if (!outcome.ok) return { ok: false, code: 'notFound', reason: `The review of ${review.caseId} has no action item ${itemId}.` };
  return { ok: true, review: changed(review, context, { content: outcome.content }) };
}
