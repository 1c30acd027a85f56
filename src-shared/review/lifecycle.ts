import type { CaseRecord } from '../domain/events';
import { publishProblems, type ReviewProblem } from './completeness';
import { impactFromEvents } from './impact';
import type { ActionItem, Review, ReviewContent, ReviewContentPatch, ReviewStatus } from './model';
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

export type ReviewRefusal = { readonly ok: false; readonly code: 'conflict' | 'notAllowed' | 'notFound' | 'incomplete'; readonly reason: string; readonly problems?: readonly ReviewProblem[] };
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

/** Done items keep who closed them and when; reopened items lose it. */
export function stampActionItems(previous: readonly ActionItem[], next: readonly ActionItem[], context: ReviewContext): ActionItem[] {
  const before = new Map(previous.map((item) => [item.id, item]));
  return next.map((item) => {
    if (item.status === 'open') return { ...item, closedBy: null, closedAt: null };
    const old = before.get(item.id);
    if (old?.status === 'done' && old.closedAt) return { ...item, closedBy: old.closedBy, closedAt: old.closedAt };
    return { ...item, closedBy: context.actor, closedAt: context.nowIso };
  });
}

const EDITABLE: readonly ReviewStatus[] = ['draft', 'inReview'];

/** Saves the sections sent (each replaced whole) onto the version they were edited from. */
export function saveReview(review: Review, baseVersion: number, patch: ReviewContentPatch, context: ReviewContext): ReviewDecision {
  const refused = conflict(review, baseVersion);
  if (refused) return refused;
  if (!EDITABLE.includes(review.status)) {
    return { ok: false, code: 'notAllowed', reason: `Revision ${review.revision} of the review of ${review.caseId} is published and cannot change; start a new revision to edit it.` };
  }
  const content: ReviewContent = { ...review.content, ...patch };
  if (patch.actionItems) content.actionItems = stampActionItems(review.content.actionItems, patch.actionItems, context);
  return { ok: true, review: changed(review, context, { content }) };
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

export function submitReview(review: Review, baseVersion: number, context: ReviewContext): ReviewDecision {
  const refused = conflict(review, baseVersion);
  if (refused) return refused;
  if (review.status !== 'draft') return { ok: false, code: 'notAllowed', reason: `Only a draft goes into review; the review of ${review.caseId} is ${review.status}.` };
  return { ok: true, review: changed(review, context, { status: 'inReview' }) };
}

export function returnToDraft(review: Review, baseVersion: number, context: ReviewContext): ReviewDecision {
  const refused = conflict(review, baseVersion);
  if (refused) return refused;
  if (review.status !== 'inReview') return { ok: false, code: 'notAllowed', reason: `Only a review in review goes back to draft; the review of ${review.caseId} is ${review.status}.` };
  return { ok: true, review: changed(review, context, { status: 'draft' }) };
}

/** Publishes a complete review in review; the revision is kept as published. */
export function publishReview(review: Review, baseVersion: number, context: ReviewContext): ReviewDecision {
  const refused = conflict(review, baseVersion);
  if (refused) return refused;
  if (review.status !== 'inReview') return { ok: false, code: 'notAllowed', reason: `Submit the review for review before publishing it; it is ${review.status}.` };
  const problems = publishProblems(review.content);
  if (problems.length > 0) {
    return { ok: false, code: 'incomplete', reason: `The review cannot be published yet: ${problems.map((p) => p.message).join('; ')}.`, problems };
  }
  const published = { revision: review.revision, publishedAt: context.nowIso, publishedBy: context.actor, content: review.content };
  return { ok: true, review: changed(review, context, { status: 'published', revisions: [...review.revisions, published] }) };
}

/** A change to a published review: the next revision, as a draft with the published content. */
export function reviseReview(review: Review, baseVersion: number, context: ReviewContext): ReviewDecision {
  const refused = conflict(review, baseVersion);
  if (refused) return refused;
  if (review.status !== 'published') return { ok: false, code: 'notAllowed', reason: `Revision ${review.revision} is not published yet; edit it as it is.` };
  return { ok: true, review: changed(review, context, { status: 'draft', revision: review.revision + 1 }) };
}

/**
 * Closes or reopens one action item. Tracking an item to completion is allowed in any
 * status: the published revision keeps the items as they were when published.
 */
export function setActionItemStatus(review: Review, itemId: string, status: ActionItem['status'], context: ReviewContext): ReviewDecision {
  const item = review.content.actionItems.find((candidate) => candidate.id === itemId);
  if (!item) return { ok: false, code: 'notFound', reason: `The review of ${review.caseId} has no action item ${itemId}.` };
  const actionItems = stampActionItems(
    review.content.actionItems,
    review.content.actionItems.map((candidate) => (candidate.id === itemId ? { ...candidate, status } : candidate)),
    context,
  );
  return { ok: true, review: changed(review, context, { content: { ...review.content, actionItems } }) };
}
