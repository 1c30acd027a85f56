import { z } from 'zod';
import { isoInstantSchema } from '../domain/events';
import { caseIdSchema, eventIdSchema, MAX_REVIEW_ITEM_ID_LENGTH } from '../domain/ids';

/**
 * A post-incident review (framework section 6): one per case, written in sections, with a
 * timeline reconstructed from the case's events. Free text is Markdown.
 */

export const REVIEW_STATUSES = ['draft', 'inReview', 'published'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_STATUS_LABELS: Readonly<Record<ReviewStatus, string>> = { draft: 'Draft', inReview: 'In review', published: 'Published' };

const MARKDOWN_MAX = 50_000;
const markdown = (what: string) => z.string().max(MARKDOWN_MAX, `${what} is longer than ${MARKDOWN_MAX} characters`);
const line = (what: string, max = 300) => z.string().trim().max(max, `${what} is longer than ${max} characters`);

/** "2026-12-01": a whole day in the case calendar's time zone. */
export const dayDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-01');

export const timelineEntrySchema = z.object({
  /** "event:<case event id>" for reconstructed entries, "added:<n>" for entries the engineer added. */
  id: z.string().min(1).max(MAX_REVIEW_ITEM_ID_LENGTH),
  /** The case event this entry came from; null for things outside the case (a deploy, an alert). */
  eventId: eventIdSchema.nullable(),
  at: isoInstantSchema,
  /** The case event's type, or what the engineer calls an added entry ("deploy", "alert"). */
  kind: line('kind', 100).min(1, 'kind is required'),
  text: markdown('entry text'),
  actor: line('actor', 200),
  hidden: z.boolean(),
  key: z.boolean(),
  annotation: markdown('annotation'),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const impactSchema = z.object({
  startedAt: isoInstantSchema.nullable(),
  detectedAt: isoInstantSchema.nullable(),
  mitigatedAt: isoInstantSchema.nullable(),
  resolvedAt: isoInstantSchema.nullable(),
  servicesAffected: markdown('services affected'),
  customersAffected: markdown('customers affected'),
});
export type Impact = z.infer<typeof impactSchema>;

export const ACTION_ITEM_STATUSES = ['open', 'done'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

const linkSchema = z
  .string()
  .trim()
  .max(2000, 'link is longer than 2000 characters')
  .refine((value) => value === '' || /^https?:\/\/[^\s]+$/i.test(value), 'a link must start with http:// or https://');

export const actionItemSchema = z.object({
  id: z.string().min(1).max(MAX_REVIEW_ITEM_ID_LENGTH),
  title: line('action item title').min(1, 'action item title is required'),
  owner: line('owner', 200),
  due: dayDateSchema.nullable(),
  status: z.enum(ACTION_ITEM_STATUSES),
  link: linkSchema,
  /** Who closed the item and when; set by the core, kept while it stays done. */
  closedBy: z.string().nullable(),
  closedAt: isoInstantSchema.nullable(),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

/** A root-cause category (from the taxonomy in Settings) or a free tag: a short label. */
export const rootCauseLabelSchema = z.string().trim().min(1, 'a root-cause label is required').max(100, 'a root-cause label is longer than 100 characters');

export const rootCauseAnalysisSchema = z.object({
  rootCause: markdown('root cause'),
  contributingFactors: markdown('contributing factors'),
  fiveWhys: z.array(line('a why', 2000)).max(20, 'at most 20 whys'),
  /** Categories from the root-cause taxonomy in Settings (reports rank them); reviews saved before them have none. */
  categories: z.array(rootCauseLabelSchema).max(20, 'at most 20 root-cause categories').optional(),
  /** Free tags beside the categories; absent means none. */
  tags: z.array(rootCauseLabelSchema).max(50, 'at most 50 root-cause tags').optional(),
});

export const lessonsLearnedSchema = z.object({
  wentWell: markdown('what went well'),
  wentWrong: markdown('what went wrong'),
  gotLucky: markdown('where we got lucky'),
});

/** Everything the engineer writes. Saves send small changes to it (see changes.ts). */
export const reviewContentSchema = z.object({
  summary: markdown('summary'),
  impact: impactSchema,
  timeline: z.array(timelineEntrySchema).max(20_000, 'the timeline holds at most 20000 entries'),
  rootCauseAnalysis: rootCauseAnalysisSchema,
  preventativeRecommendations: markdown('preventative recommendations'),
  operationalImprovements: markdown('operational improvement suggestions'),
  actionItems: z.array(actionItemSchema).max(500, 'at most 500 action items'),
  lessonsLearned: lessonsLearnedSchema,
});
export type ReviewContent = z.infer<typeof reviewContentSchema>;
export type ReviewSection = keyof ReviewContent;
export const REVIEW_SECTIONS = Object.keys(reviewContentSchema.shape) as ReviewSection[];

/** A published revision, kept as it was published. */
export const publishedRevisionSchema = z.object({
  revision: z.number().int().positive(),
  publishedAt: isoInstantSchema,
  /** The approver: never the engineer who submitted it. */
  publishedBy: z.string(),
  /** Null for revisions published before submissions were named. */
  submittedBy: z.string().nullable().default(null),
  content: reviewContentSchema,
});
export type PublishedRevision = z.infer<typeof publishedRevisionSchema>;

export const reviewSchema = z.object({
  caseId: caseIdSchema,
  status: z.enum(REVIEW_STATUSES),
  /** 1 for the first publication; a change after publishing starts the next. */
  revision: z.number().int().positive(),
  /** Counts every stored change; a save names the version it was edited from. */
  version: z.number().int().positive(),
  createdAt: isoInstantSchema,
  createdBy: z.string(),
  updatedAt: isoInstantSchema,
  updatedBy: z.string(),
  /** Who submitted the review for approval, and when; null while it is a draft. */
  submittedBy: z.string().nullable().default(null),
  submittedAt: isoInstantSchema.nullable().default(null),
  /** The engineer the submitter named to approve and publish it; never the submitter. */
  approver: z.string().nullable().default(null),
  /** The newest case event already offered to the timeline; later ones are offered, not merged. */
  knownEventSeq: z.number().int().min(0),
  content: reviewContentSchema,
  /** Every published revision, oldest first. */
  revisions: z.array(publishedRevisionSchema),
});
export type Review = z.infer<typeof reviewSchema>;
