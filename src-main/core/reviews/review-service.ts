import type { ReviewExport, ReviewView } from '../../../src-shared/contract';
import type { CaseRecord } from '../../../src-shared/domain';
import {
  caseHeader,
  caseTimeZone,
  newCaseEvents,
  openActionItemDeadlines,
  publishReview,
  returnToDraft,
  reviewDeadlineItems,
  reviewHeader,
  reviewRequirement,
  reviewToMarkdown,
  reviseReview,
  saveReview,
  setActionItemStatus,
  startReview,
  submitReview,
  takeInCaseEvents,
  type ActionItemStatus,
  type DocumentOptions,
  type Review,
  type ReviewChange,
  type ReviewContext,
  type ReviewDeadlineItem,
  type ReviewDecision,
} from '../../../src-shared/review';
import { foldCase } from '../../../src-shared/domain';
import { planOf, type Policy } from '../../../src-shared/sla';
import { DeskFailure, notFound } from '../errors';
import type { EventBus } from '../event-bus';
import { KeyedQueue } from '../keyed-queue';
import type { Clock } from '../ports';
import type { ReviewExportPort } from './export-ports';
import { reviewToHtml } from './html-document';
import type { ReviewStore } from './review-store';
import { StorageDamageError } from '../storage';

export interface ReviewServiceDeps {
  readonly store: ReviewStore;
  readonly cases: { get(id: string): Promise<CaseRecord>; list(): readonly CaseRecord[]; openCase(id: string): CaseRecord | undefined };
  readonly clock: Pick<Clock, 'now'>;
  readonly bus: EventBus;
  readonly actor: () => string;
  readonly policy: () => Policy;
  readonly exportPort?: ReviewExportPort;
}

/** A case that cannot be read (its history file damaged, or gone with one kept aside earlier) is left out; anything else is thrown. */
function unlessUnreadable(error: unknown): undefined {
  if (error instanceof StorageDamageError || (error instanceof DeskFailure && error.code === 'NOT_FOUND')) return undefined;
  throw error;
}

const MIME = { md: 'text/markdown;charset=utf-8', html: 'text/html;charset=utf-8' } as const;

function refusal(decision: Extract<ReviewDecision, { ok: false }>, stored: Review): DeskFailure {
  switch (decision.code) {
    case 'conflict':
      return new DeskFailure('CONFLICT', decision.reason, [{ path: 'baseVersion', message: `the stored review is at version ${stored.version}` }]);
    case 'notFound':
      return new DeskFailure('NOT_FOUND', decision.reason);
    case 'incomplete':
      return new DeskFailure('NOT_ALLOWED', decision.reason, decision.problems);
    case 'notAllowed':
      return new DeskFailure('NOT_ALLOWED', decision.reason, decision.problems);
    case 'invalid':
      return new DeskFailure('INVALID_INPUT', decision.reason, decision.problems);
  }
}

/**
 * Post-incident reviews: one per case, changed one at a time per case through the shared
 * rules, written durably before the result returns, then announced as 'reviews.changed'.
 */
export class ReviewService {
  private readonly queue = new KeyedQueue();

  constructor(private readonly deps: ReviewServiceDeps) {}

  private context(): ReviewContext {
    return { nowIso: new Date(this.deps.clock.now()).toISOString(), actor: this.deps.actor() };
  }

  private async existing(caseId: string): Promise<Review> {
    await this.deps.cases.get(caseId);
    const review = await this.deps.store.load(caseId);
    if (!review) throw notFound(`The review of case ${caseId}`);
    return review;
  }

  private async write(review: Review): Promise<Review> {
    await this.deps.store.save(review);
    this.deps.bus.emit('reviews.changed', { caseId: review.caseId, version: review.version, status: review.status, revision: review.revision });
    return review;
  }

  /** Runs one rule on the stored review and keeps its outcome. */
  private change(caseId: string, rule: (review: Review, context: ReviewContext) => ReviewDecision): Promise<Review> {
    return this.queue.run(caseId, async () => {
      const stored = await this.existing(caseId);
      const decision = rule(stored, this.context());
      if (!decision.ok) throw refusal(decision, stored);
      return this.write(decision.review);
    });
  }

  private view(record: CaseRecord, review: Review | null): ReviewView {
    const policy = this.deps.policy();
    const plan = foldCase(record).plan;
    return {
      caseId: record.id,
      header: caseHeader(record, caseTimeZone(policy, plan), planOf(policy, plan).name),
      review,
      requirement: reviewRequirement(record, policy, review, this.context().nowIso),
      newCaseEvents: review ? newCaseEvents(record.events, review.knownEventSeq, review.content.timeline).length : 0,
    };
  }

  async get(caseId: string): Promise<ReviewView> {
    const record = await this.deps.cases.get(caseId);
    return this.view(record, (await this.deps.store.load(caseId)) ?? null);
  }

  /** Creates the draft; a second start (another window) opens the same review. */
  start(caseId: string): Promise<ReviewView> {
    return this.queue.run(caseId, async () => {
      const record = await this.deps.cases.get(caseId);
      const stored = await this.deps.store.load(caseId);
      if (stored) return this.view(record, stored);
      return this.view(record, await this.write(startReview(record, this.context())));
    });
  }

  /** Applies the editor's changes (a field, an entry, an item each) in order, all or none. */
  save(caseId: string, baseVersion: number, changes: readonly ReviewChange[]): Promise<Review> {
    return this.change(caseId, (review, context) => saveReview(review, baseVersion, changes, context));
  }

  async addCaseEvents(caseId: string, baseVersion: number): Promise<Review> {
    const record = await this.deps.cases.get(caseId);
    return this.change(caseId, (review, context) => takeInCaseEvents(review, baseVersion, record, context));
  }

  submit(caseId: string, baseVersion: number, approver: string): Promise<Review> {
    return this.change(caseId, (review, context) => submitReview(review, baseVersion, approver, context));
  }

  returnToDraft(caseId: string, baseVersion: number): Promise<Review> {
    return this.change(caseId, (review, context) => returnToDraft(review, baseVersion, context));
  }

  publish(caseId: string, baseVersion: number): Promise<Review> {
    return this.change(caseId, (review, context) => publishReview(review, baseVersion, context));
  }

  revise(caseId: string, baseVersion: number): Promise<Review> {
    return this.change(caseId, (review, context) => reviseReview(review, baseVersion, context));
  }

  setActionItem(caseId: string, itemId: string, status: ActionItemStatus): Promise<Review> {
    return this.change(caseId, (review, context) => setActionItemStatus(review, itemId, status, context));
  }

  async export(caseId: string, format: 'md' | 'html', options: DocumentOptions = {}): Promise<ReviewExport> {
    const record = await this.deps.cases.get(caseId);
    const review = await this.existing(caseId);
    const policy = this.deps.policy();
    const plan = foldCase(record).plan;
    const header = reviewHeader(record, review, caseTimeZone(policy, plan), planOf(policy, plan).name);
    const content = format === 'md' ? reviewToMarkdown(header, review.content, options) : reviewToHtml(header, review.content, options);
    return { fileName: `${caseId}-review-r${review.revision}.${format}`, mimeType: MIME[format], content };
  }

  /** Desktop only: asks where to save, then writes the file. Null when the engineer cancelled. */
  async saveExport(caseId: string, format: 'md' | 'html' | 'pdf', options: DocumentOptions = {}): Promise<{ savedTo: string | null }> {
    const port = this.deps.exportPort;
    if (!port) throw new DeskFailure('NOT_ALLOWED', 'Saving a review to a file is done by the desktop console; in the browser, Export downloads it and Print makes the PDF.');
    const document = await this.export(caseId, format === 'md' ? 'md' : 'html', options);
    const fileName = format === 'pdf' ? document.fileName.replace(/\.html$/, '.pdf') : document.fileName;
    const path = await port.chooseSavePath(fileName, format);
    if (path === null) return { savedTo: null };
    await port.writeFile(path, format === 'pdf' ? await port.printToPdf(document.content) : document.content);
    return { savedTo: path };
  }

  private async casesWithReviews(): Promise<{ cases: CaseRecord[]; reviews: Map<string, Review> }> {
    const reviews = new Map<string, Review>();
    for (const caseId of await this.deps.store.caseIds()) {
      const review = await this.deps.store.load(caseId);
      if (review) reviews.set(caseId, review);
    }
    const cases = new Map(this.deps.cases.list().map((record) => [record.id, record]));
    for (const caseId of reviews.keys()) {
      if (cases.has(caseId)) continue;
      const record = await this.deps.cases.get(caseId).catch(unlessUnreadable);
      // A case whose history file is damaged is in the storage report; the other reviews still count.
      if (record) cases.set(caseId, record);
    }
    return { cases: [...cases.values()], reviews };
  }

  /** Reviews still required by open cases (or cases with a review) and open action items with due dates. */
  async deadlines(): Promise<ReviewDeadlineItem[]> {
    const { cases, reviews } = await this.casesWithReviews();
    return reviewDeadlineItems({ cases, reviews, policy: this.deps.policy(), nowIso: this.context().nowIso });
  }

  /** Every open action item with a due date, for the notifications. */
  async openActionItems(): Promise<ReviewDeadlineItem[]> {
    const { cases, reviews } = await this.casesWithReviews();
    const policy = this.deps.policy();
    const nowIso = this.context().nowIso;
    return cases
      .flatMap((record) => {
        const review = reviews.get(record.id);
        if (!review) return [];
        const state = foldCase(record);
        return openActionItemDeadlines(review, state.title, caseTimeZone(policy, state.plan), nowIso);
      })
      .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  }

  /** The open action items of one open case (a closed case arms nothing): what an autosave can have changed. */
  async openActionItemsOf(caseId: string): Promise<ReviewDeadlineItem[]> {
    const record = this.deps.cases.openCase(caseId);
    if (!record) return [];
    const review = await this.deps.store.load(caseId);
    if (!review) return [];
    const state = foldCase(record);
    return openActionItemDeadlines(review, state.title, caseTimeZone(this.deps.policy(), state.plan), this.context().nowIso);
  }
}
