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
  type ReviewDigest,
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
 * Where reviews are shared with a team (docs/team.md). `publish` has the team take a review
 * decided here, named with the version it was decided on: undefined when taken (or when the
 * case's review stays on this console), else the team's newer review. It throws a DeskFailure
 * when the review is shared and the team cannot be asked.
 */
export interface ReviewSharing {
  publish(review: Review, baseVersion: number): Promise<Review | undefined>;
}

/** How many times a change is decided again on a team's newer review before giving up. */
const MAX_REDECIDE = 5;

/**
 * Post-incident reviews: one per case, changed one at a time per case through the shared
 * rules, written durably before the result returns, then announced as 'reviews.changed'.
 */
export class ReviewService {
  private readonly queue = new KeyedQueue();
  private sharing: ReviewSharing | undefined;

  constructor(private readonly deps: ReviewServiceDeps) {}

  /** Team mode: each review is decided against the team's newest and published before it is kept here. */
  share(sharing: ReviewSharing): void {
    this.sharing = sharing;
  }

  /**
   * A review as the team holds it, from another workstation: kept here when it is newer than
   * this console's, and announced like a local save.
   */
  receive(review: Review): Promise<boolean> {
    return this.queue.run(review.caseId, async () => {
      const stored = await this.deps.store.load(review.caseId);
      if (stored && stored.version >= review.version) return false;
      await this.write(review);
      return true;
    });
  }

  /**
   * Keeps a decided review: in a team the team takes it first (a save names the version it was
   * decided on); when the team's review moved on, that one is kept here and the rule is decided
   * again on it, so a stale save gets the same conflict answer as between two windows.
   */
  private async keep(stored: Review | undefined, decided: Review, again: ((team: Review) => ReviewDecision) | undefined): Promise<Review> {
    let base = stored;
    let next = decided;
    for (let attempt = 0; this.sharing; attempt++) {
      const team = await this.sharing.publish(next, base?.version ?? 0);
      if (!team) break;
      // The team's review is newer: it is kept here, then the change is decided again on it.
      await this.write(team);
      if (!again) return team;
      if (attempt >= MAX_REDECIDE) throw new DeskFailure('CONFLICT', `The review of ${decided.caseId} keeps changing on the team; reload it and try again.`);
      const decision = again(team);
      if (!decision.ok) throw refusal(decision, team);
      base = team;
      next = decision.review;
    }
    return this.write(next);
  }

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
      return this.keep(stored, decision.review, (team) => rule(team, this.context()));
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
      // Started on another workstation meanwhile: the team's review is the one opened.
      return this.view(record, await this.keep(undefined, startReview(record, this.context()), undefined));
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

  /** Every case with a review or open, and each review's digest (the store keeps them: no review file is read). */
  private async casesWithReviews(): Promise<{ cases: CaseRecord[]; reviews: Map<string, ReviewDigest> }> {
    const reviews = await this.deps.store.digests();
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
