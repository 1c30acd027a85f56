import { z } from 'zod';
import type { CaseHeader, Review, ReviewDeadlineItem, ReviewRequirement } from '../review';
import { ACTION_ITEM_STATUSES, REVIEW_STATUSES, reviewChangesSchema } from '../review';
import { MAX_REVIEW_ITEM_ID_LENGTH } from '../domain/ids';
import { caseIdSchema } from './cases';
import { request } from './define';

/** A review as the editor opens it: the case header, the review (null before "Start review") and what the case owes. */
export interface ReviewView {
  readonly caseId: string;
  readonly header: CaseHeader;
  readonly review: Review | null;
  readonly requirement: ReviewRequirement;
  /** Case events recorded after the draft took the case in, offered to the timeline. */
  readonly newCaseEvents: number;
}

export interface ReviewExport {
  readonly fileName: string;
  readonly mimeType: string;
  readonly content: string;
}

const baseVersionSchema = z.number({ error: 'baseVersion must be the version the change was made from' }).int().positive();
const onVersion = z.object({ caseId: caseIdSchema, baseVersion: baseVersionSchema }).strict();

/** A formal review goes to the customer: the case's internal notes stay out unless asked for. */
const includeInternalNotesSchema = z.boolean({ error: 'includeInternalNotes is true or false' }).optional();

export const REVIEW_TEXT_FORMATS = ['md', 'html'] as const;
export const REVIEW_FILE_FORMATS = ['md', 'html', 'pdf'] as const;

export const reviewRequests = {
  'reviews.get': request(z.object({ caseId: caseIdSchema }).strict(), 'The review of a case (or null), its header and whether the case requires one.').returns<ReviewView>(),
  'reviews.start': request(z.object({ caseId: caseIdSchema }).strict(), 'Start a review: a draft prefilled from the case events.').returns<ReviewView>(),
  'reviews.save': request(
    z.object({ caseId: caseIdSchema, baseVersion: baseVersionSchema, changes: reviewChangesSchema }).strict(),
    'Apply small changes (a field, one timeline entry, one action item) onto the version they were made from; CONFLICT when it changed meanwhile.',
  ).returns<Review>(),
  'reviews.addCaseEvents': request(onVersion, 'Add the case events recorded since the draft started to its timeline.').returns<Review>(),
  'reviews.submit': request(
    z.object({ caseId: caseIdSchema, baseVersion: baseVersionSchema, approver: z.string().trim().min(1, 'name the engineer who approves the review').max(200, 'the approver\'s name is longer than 200 characters') }).strict(),
    'Move a draft into review, naming the engineer who approves it (never the submitter).',
  ).returns<Review>(),
  'reviews.returnToDraft': request(onVersion, 'Move a review in review back to draft.').returns<Review>(),
  'reviews.publish': request(onVersion, 'Approve and publish a complete review in review (by its named approver); the revision is kept as published.').returns<Review>(),
  'reviews.revise': request(onVersion, 'Start the next revision of a published review, as a draft.').returns<Review>(),
  'reviews.setActionItem': request(
    z.object({ caseId: caseIdSchema, itemId: z.string().min(1).max(MAX_REVIEW_ITEM_ID_LENGTH), status: z.enum(ACTION_ITEM_STATUSES) }).strict(),
    'Close or reopen one action item (in any status); a closed item keeps who closed it and when.',
  ).returns<Review>(),
  'reviews.export': request(
    z.object({ caseId: caseIdSchema, format: z.enum(REVIEW_TEXT_FORMATS, { error: 'format is md or html' }), includeInternalNotes: includeInternalNotesSchema }).strict(),
    'The review as a Markdown or self-contained HTML document; internal notes only when asked for.',
  ).returns<ReviewExport>(),
  'reviews.saveExport': request(
    z.object({ caseId: caseIdSchema, format: z.enum(REVIEW_FILE_FORMATS, { error: 'format is md, html or pdf' }), includeInternalNotes: includeInternalNotesSchema }).strict(),
    'Ask where to save, then write the review as Markdown, HTML or PDF (desktop console only).',
  ).returns<{ savedTo: string | null }>(),
  'reviews.deadlines': request(z.object({}).strict(), 'Reviews still required and open action items with due dates, earliest first.').returns<ReviewDeadlineItem[]>(),
};

export const reviewEvents = {
  'reviews.changed': z.object({ caseId: caseIdSchema, version: z.number().int().positive(), status: z.enum(REVIEW_STATUSES), revision: z.number().int().positive() }),
};
