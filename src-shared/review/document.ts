import { foldCase } from '../domain/case-state';
import type { CaseRecord } from '../domain/events';
import { SEVERITY_INFO } from '../domain/severity';
import { formatInZone } from './calendar-zone';
import { formatDate } from '../words/time';
import { formatDuration, impactDurationMinutes } from './impact';
import { shiftMarkdownHeadings } from './markdown';
import { REVIEW_STATUS_LABELS, type Review, type ReviewContent, type TimelineEntry } from './model';
import { timelineKindLabel } from './timeline';

/** The case a review is about, as its header shows it. */
export interface CaseHeader {
  readonly caseId: string;
  readonly title: string;
  readonly customer: string;
  /** The plan's name as people know it ("Premium"). */
  readonly plan: string;
  readonly severity: string;
  readonly resolvedAt: string | null;
  /** The plan's business calendar time zone: every time in the review is shown in it. */
  readonly timeZone: string;
}

/** The header every export starts with: the case, and the review's status and revision. */
export interface ReviewHeader extends CaseHeader {
  readonly status: string;
  readonly revision: number;
  readonly submittedBy: string | null;
  readonly approver: string | null;
}

/** `planName`: the plan as the settings name it (the case keeps the plan's id). */
export function caseHeader(record: CaseRecord, timeZone: string, planName?: string): CaseHeader {
  const state = foldCase(record);
  return {
    caseId: state.id,
    title: state.title,
    customer: state.customer,
    plan: planName ?? state.plan,
    severity: SEVERITY_INFO[state.severity].label,
    resolvedAt: state.resolvedAt,
    timeZone,
  };
}

export function reviewHeader(record: CaseRecord, review: Pick<Review, 'status' | 'revision' | 'submittedBy' | 'approver'>, timeZone: string, planName?: string): ReviewHeader {
  return withReview(caseHeader(record, timeZone, planName), review);
}

/** The case header with the review's status, revision, submitter and approver. */
export function withReview(header: CaseHeader, review: Pick<Review, 'status' | 'revision' | 'submittedBy' | 'approver'>): ReviewHeader {
  return { ...header, status: REVIEW_STATUS_LABELS[review.status], revision: review.revision, submittedBy: review.submittedBy, approver: review.approver };
}

export interface DocumentOptions {
  /**
   * The case's internal notes on the timeline. A formal review goes to the customer, so they
   * are left out unless the engineer asks for them.
   */
  readonly includeInternalNotes?: boolean;
}

/** Timeline entries taken from internal notes (never sent to the customer). */
export const isInternalNote = (entry: Pick<TimelineEntry, 'kind' | 'eventId'>): boolean => entry.kind === 'noteAdded' && entry.eventId !== null;

/** A document's parts, in order: exports render these, so every format has every section. */
export type DocumentBlock =
  | { readonly type: 'heading'; readonly text: string }
  | { readonly type: 'markdown'; readonly label?: string; readonly text: string }
  | { readonly type: 'facts'; readonly rows: ReadonlyArray<readonly [string, string]> }
  | { readonly type: 'list'; readonly label: string; readonly items: readonly string[]; readonly ordered: boolean }
  | { readonly type: 'timeline'; readonly rows: ReadonlyArray<{ readonly time: string; readonly kind: string; readonly text: string; readonly actor: string; readonly key: boolean; readonly annotation: string }> }
  | { readonly type: 'actionItems'; readonly rows: ReadonlyArray<readonly [string, string, string, string, string]> };

const NONE = '—';
const orNone = (text: string) => (text.trim() === '' ? NONE : text);

/** The sections of a review, in the order every export shows them. */
export function reviewBlocks(content: ReviewContent, timeZone: string, options: DocumentOptions = {}): DocumentBlock[] {
  const at = (iso: string | null) => (iso ? formatInZone(iso, timeZone) : NONE);
  const duration = impactDurationMinutes(content.impact);
  const visible = content.timeline.filter((entry: TimelineEntry) => !entry.hidden && (options.includeInternalNotes === true || !isInternalNote(entry)));
  return [
    { type: 'heading', text: 'Summary' },
    { type: 'markdown', text: orNone(content.summary) },
    { type: 'heading', text: 'Impact' },
    {
      type: 'facts',
      rows: [
        ['Impact start', at(content.impact.startedAt)],
        ['Detected', at(content.impact.detectedAt)],
        ['Mitigated', at(content.impact.mitigatedAt)],
        ['Resolved', at(content.impact.resolvedAt)],
        ['Duration', duration === null ? NONE : formatDuration(duration)],
      ],
    },
    { type: 'markdown', label: 'Services affected', text: orNone(content.impact.servicesAffected) },
    { type: 'markdown', label: 'Customers affected', text: orNone(content.impact.customersAffected) },
    { type: 'heading', text: 'Timeline' },
    {
      type: 'timeline',
      rows: visible.map((entry) => ({ time: at(entry.at), kind: timelineKindLabel(entry.kind), text: entry.text, actor: entry.actor, key: entry.key, annotation: entry.annotation })),
    },
    { type: 'heading', text: 'Root cause analysis' },
    { type: 'markdown', label: 'Root cause', text: orNone(content.rootCauseAnalysis.rootCause) },
    {
      type: 'facts',
      rows: [
        ['Categories', orNone((content.rootCauseAnalysis.categories ?? []).join(', '))],
        ['Tags', orNone((content.rootCauseAnalysis.tags ?? []).join(', '))],
      ],
    },
    { type: 'markdown', label: 'Contributing factors', text: orNone(content.rootCauseAnalysis.contributingFactors) },
    { type: 'list', label: 'Five whys', items: content.rootCauseAnalysis.fiveWhys, ordered: true },
    { type: 'heading', text: 'Preventative recommendations' },
    { type: 'markdown', text: orNone(content.preventativeRecommendations) },
    { type: 'heading', text: 'Operational improvement suggestions' },
    { type: 'markdown', text: orNone(content.operationalImprovements) },
    { type: 'heading', text: 'Action items' },
    {
      type: 'actionItems',
      rows: content.actionItems.map((item) => [
        item.title,
        orNone(item.owner),
        item.due ? formatDate(item.due, { year: true }) : NONE,
        item.status === 'done' ? `Done${item.closedBy ? ` (${item.closedBy}, ${at(item.closedAt)})` : ''}` : 'Open',
        orNone(item.link),
      ]),
    },
    { type: 'heading', text: 'Lessons learned' },
    { type: 'markdown', label: 'What went well', text: orNone(content.lessonsLearned.wentWell) },
    { type: 'markdown', label: 'What went wrong', text: orNone(content.lessonsLearned.wentWrong) },
    { type: 'markdown', label: 'Where we got lucky', text: orNone(content.lessonsLearned.gotLucky) },
  ];
}

export function headerFacts(header: ReviewHeader): Array<readonly [string, string]> {
  return [
    ['Case', header.caseId],
    ['Customer', header.customer],
    ['Plan', header.plan],
    ['Severity', header.severity],
    ['Resolved', header.resolvedAt ? formatInZone(header.resolvedAt, header.timeZone) : 'not resolved'],
    ['Review', `${header.status}, revision ${header.revision}`],
    ...(header.submittedBy ? [['Submitted by', header.submittedBy] as const] : []),
    ...(header.approver ? [['Approver', header.approver] as const] : []),
    ['Times in', header.timeZone],
  ];
}

/** A table cell keeps its text on one line and its pipes literal. */
function cell(text: string): string {
  return text.replace(/\r?\n+/g, ' ').replace(/\|/g, '\\|').trim() || ' ';
}

function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
}

/** The review as one Markdown document. */
export function reviewToMarkdown(header: ReviewHeader, content: ReviewContent, options: DocumentOptions = {}): string {
  const parts: string[] = [`# Post-incident review: ${header.caseId} ${header.title}`, table(['', ''], headerFacts(header))];
  for (const block of reviewBlocks(content, header.timeZone, options)) {
    switch (block.type) {
      case 'heading':
        parts.push(`## ${block.text}`);
        break;
      case 'markdown': {
        // the text's own headings go below the section's ## (or the field's ###): one # per document
        const text = shiftMarkdownHeadings(block.text, block.label ? 3 : 2);
        parts.push(block.label ? `### ${block.label}\n\n${text}` : text);
        break;
      }
      case 'facts':
        parts.push(table(['', ''], block.rows));
        break;
      case 'list':
        parts.push(`### ${block.label}\n\n${block.items.length === 0 ? NONE : block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${item}`).join('\n')}`);
        break;
      case 'timeline':
        parts.push(table(['Time', 'Kind', 'What happened', 'Actor', 'Key', 'Annotation'], block.rows.map((row) => [row.time, row.kind, row.text, row.actor, row.key ? 'key' : '', row.annotation])));
        break;
      case 'actionItems':
        parts.push(block.rows.length === 0 ? NONE : table(['Action item', 'Owner', 'Due', 'Status', 'Link'], block.rows));
        break;
    }
  }
  return `${parts.join('\n\n')}\n`;
}
