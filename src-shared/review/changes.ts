import { z } from 'zod';
import { isoInstantSchema } from '../domain/events';
import { actionItemSchema, rootCauseLabelSchema, timelineEntrySchema, type ActionItem, type ReviewContent, type ReviewSection, type TimelineEntry } from './model';
import { sortTimeline } from './timeline';

/**
 * What the editor sends when the engineer changes a review: small operations on one field,
 * one timeline entry or one action item, each named by id. A save's size depends on what
 * was typed, never on how long the case's timeline is.
 */

/** Every free-text field of a review, by its dotted path in the content. */
export const REVIEW_TEXT_FIELDS = [
  'summary',
  'impact.servicesAffected',
  'impact.customersAffected',
  'rootCauseAnalysis.rootCause',
  'rootCauseAnalysis.contributingFactors',
  'preventativeRecommendations',
  'operationalImprovements',
  'lessonsLearned.wentWell',
  'lessonsLearned.wentWrong',
  'lessonsLearned.gotLucky',
] as const;
export type ReviewTextField = (typeof REVIEW_TEXT_FIELDS)[number];

export const IMPACT_TIME_FIELDS = ['startedAt', 'detectedAt', 'mitigatedAt', 'resolvedAt'] as const;
export type ImpactTimeField = (typeof IMPACT_TIME_FIELDS)[number];

const MARKDOWN_MAX = 50_000;
const itemShape = actionItemSchema.shape;
const entryShape = timelineEntrySchema.shape;

const setText = z
  .object({ op: z.literal('setText'), field: z.enum(REVIEW_TEXT_FIELDS), value: z.string().max(MARKDOWN_MAX, `this text is longer than ${MARKDOWN_MAX.toLocaleString('en')} characters`) })
  .strict();
const setImpactTime = z.object({ op: z.literal('setImpactTime'), field: z.enum(IMPACT_TIME_FIELDS), value: isoInstantSchema.nullable() }).strict();
const setFiveWhys = z.object({ op: z.literal('setFiveWhys'), value: z.array(z.string().trim().max(2000, 'a why is longer than 2,000 characters')).max(20, 'at most 20 whys') }).strict();
const setRootCauseLabels = z
  .object({
    op: z.literal('setRootCauseLabels'),
    categories: z.array(rootCauseLabelSchema).max(20, 'at most 20 root-cause categories'),
    tags: z.array(rootCauseLabelSchema).max(50, 'at most 50 root-cause tags'),
  })
  .strict();
const setTimelineEntry = z
  .object({ op: z.literal('setTimelineEntry'), id: entryShape.id, hidden: entryShape.hidden.optional(), key: entryShape.key.optional(), annotation: entryShape.annotation.optional() })
  .strict();
const addTimelineEntry = z
  .object({
    op: z.literal('addTimelineEntry'),
    entry: z.object({ id: z.string().regex(/^added:\d{1,9}$/, 'an added entry id looks like added:3'), at: entryShape.at, kind: entryShape.kind, text: entryShape.text, actor: entryShape.actor }).strict(),
  })
  .strict();
const addActionItem = z
  .object({ op: z.literal('addActionItem'), item: z.object({ id: itemShape.id, title: itemShape.title, owner: itemShape.owner, due: itemShape.due, link: itemShape.link }).strict() })
  .strict();
const setActionItem = z
  .object({
    op: z.literal('setActionItem'),
    id: itemShape.id,
    title: itemShape.title.optional(),
    owner: itemShape.owner.optional(),
    due: itemShape.due.optional(),
    link: itemShape.link.optional(),
    status: itemShape.status.optional(),
  })
  .strict();
const removeActionItem = z.object({ op: z.literal('removeActionItem'), id: itemShape.id }).strict();
const moveActionItem = z.object({ op: z.literal('moveActionItem'), id: itemShape.id, to: z.number().int().min(0, 'a position starts at 0') }).strict();

export const reviewChangeSchema = z.discriminatedUnion('op', [
  setText,
  setImpactTime,
  setFiveWhys,
  setRootCauseLabels,
  setTimelineEntry,
  addTimelineEntry,
  addActionItem,
  setActionItem,
  removeActionItem,
  moveActionItem,
]);
export type ReviewChange = z.infer<typeof reviewChangeSchema>;

/** At most this many changes in one save; the editor sends far fewer. */
export const MAX_CHANGES_PER_SAVE = 500;
export const reviewChangesSchema = z.array(reviewChangeSchema).min(1, 'a save carries at least one change').max(MAX_CHANGES_PER_SAVE, `a save carries at most ${MAX_CHANGES_PER_SAVE} changes`);

/** The section a change edits (what a conflict is shown by). */
export function changeSection(change: ReviewChange): ReviewSection {
  switch (change.op) {
    case 'setText':
      return change.field.split('.')[0] as ReviewSection;
    case 'setImpactTime':
      return 'impact';
    case 'setFiveWhys':
    case 'setRootCauseLabels':
      return 'rootCauseAnalysis';
    case 'setTimelineEntry':
    case 'addTimelineEntry':
      return 'timeline';
    case 'addActionItem':
    case 'setActionItem':
    case 'removeActionItem':
    case 'moveActionItem':
      return 'actionItems';
  }
}

export type ChangeOutcome = { readonly ok: true; readonly content: ReviewContent } | { readonly ok: false; readonly message: string };

export interface ChangeContext {
  readonly nowIso: string;
  readonly actor: string;
}

const TIMELINE_MAX = 20_000;
const ACTION_ITEMS_MAX = 500;

function setTextField(content: ReviewContent, field: ReviewTextField, value: string): ReviewContent {
  const [section, key] = field.split('.') as [ReviewSection, string | undefined];
  if (key === undefined) return { ...content, [section]: value };
  return { ...content, [section]: { ...(content[section] as object), [key]: value } };
}

/** Done items keep who closed them and when; reopened items lose it. */
function withStatus(item: ActionItem, status: ActionItem['status'], context: ChangeContext): ActionItem {
  if (status === 'open') return { ...item, status, closedBy: null, closedAt: null };
  if (item.status === 'done' && item.closedAt) return item;
  return { ...item, status, closedBy: context.actor, closedAt: context.nowIso };
}

/** Changes one action item by id, in place. */
export function updateActionItem(items: readonly ActionItem[], id: string, update: (item: ActionItem) => ActionItem): ActionItem[] | null {
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) return null;
  const next = [...items];
  next[index] = update(items[index]!);
  return next;
}

/**
 * Applies one change to the content, touching only what it names: the other sections (and
 * the other entries) keep their identity. Refuses a change naming an entry or item that does
 * not exist, or an id already taken.
 */
export function applyReviewChange(content: ReviewContent, change: ReviewChange, context: ChangeContext): ChangeOutcome {
  switch (change.op) {
    case 'setText':
      return { ok: true, content: setTextField(content, change.field, change.value) };
    case 'setImpactTime':
      return { ok: true, content: { ...content, impact: { ...content.impact, [change.field]: change.value } } };
    case 'setFiveWhys':
      return { ok: true, content: { ...content, rootCauseAnalysis: { ...content.rootCauseAnalysis, fiveWhys: change.value } } };
    case 'setRootCauseLabels': {
      // one label once, in the order given
      const unique = (labels: readonly string[]) => [...new Set(labels)];
      return { ok: true, content: { ...content, rootCauseAnalysis: { ...content.rootCauseAnalysis, categories: unique(change.categories), tags: unique(change.tags) } } };
    }
    case 'setTimelineEntry': {
      const index = content.timeline.findIndex((entry) => entry.id === change.id);
      if (index < 0) return { ok: false, message: `the timeline has no entry ${change.id}` };
      const { op: _op, id: _id, ...fields } = change;
      const timeline = [...content.timeline];
      timeline[index] = { ...timeline[index]!, ...fields } as TimelineEntry;
      return { ok: true, content: { ...content, timeline } };
    }
    case 'addTimelineEntry': {
      if (content.timeline.some((entry) => entry.id === change.entry.id)) return { ok: false, message: `the timeline already has an entry ${change.entry.id}` };
      if (content.timeline.length >= TIMELINE_MAX) return { ok: false, message: `the timeline holds at most ${TIMELINE_MAX} entries` };
      const entry: TimelineEntry = { ...change.entry, eventId: null, hidden: false, key: false, annotation: '' };
      return { ok: true, content: { ...content, timeline: sortTimeline([...content.timeline, entry]) } };
    }
    case 'addActionItem': {
      if (content.actionItems.some((item) => item.id === change.item.id)) return { ok: false, message: `the review already has an action item ${change.item.id}` };
      if (content.actionItems.length >= ACTION_ITEMS_MAX) return { ok: false, message: `a review holds at most ${ACTION_ITEMS_MAX} action items` };
      const item: ActionItem = { ...change.item, status: 'open', closedBy: null, closedAt: null };
      return { ok: true, content: { ...content, actionItems: [...content.actionItems, item] } };
    }
    case 'setActionItem': {
      const { op: _op, id, status, ...fields } = change;
      const actionItems = updateActionItem(content.actionItems, id, (item) => {
        const edited = { ...item, ...fields } as ActionItem;
        return status === undefined ? edited : withStatus(edited, status, context);
      });
      if (!actionItems) return { ok: false, message: `the review has no action item ${id}` };
      return { ok: true, content: { ...content, actionItems } };
    }
    case 'removeActionItem': {
      if (!content.actionItems.some((item) => item.id === change.id)) return { ok: false, message: `the review has no action item ${change.id}` };
      return { ok: true, content: { ...content, actionItems: content.actionItems.filter((item) => item.id !== change.id) } };
    }
    case 'moveActionItem': {
      const index = content.actionItems.findIndex((item) => item.id === change.id);
      if (index < 0) return { ok: false, message: `the review has no action item ${change.id}` };
      const actionItems = [...content.actionItems];
      const [item] = actionItems.splice(index, 1);
      actionItems.splice(Math.min(change.to, actionItems.length), 0, item!);
      return { ok: true, content: { ...content, actionItems } };
    }
  }
}

/** Applies changes in order; the first one that cannot apply refuses them all, naming it. */
export function applyReviewChanges(
  content: ReviewContent,
  changes: readonly ReviewChange[],
  context: ChangeContext,
): { readonly ok: true; readonly content: ReviewContent } | { readonly ok: false; readonly index: number; readonly message: string } {
  let next = content;
  for (const [index, change] of changes.entries()) {
    const outcome = applyReviewChange(next, change, context);
    if (!outcome.ok) return { ok: false, index, message: outcome.message };
    next = outcome.content;
  }
  return { ok: true, content: next };
}
