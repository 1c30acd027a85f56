import type { CaseRecord } from '../../../src-shared/domain';
import type { Review } from '../../../src-shared/review';
import { caseFactsOf, ReportIndex, reviewFactsOf, type CaseFacts, type Report, type ReportQuery, type ReviewFacts } from '../../../src-shared/reports';
import { caseTimeZone } from '../../../src-shared/review';
import type { Settings } from '../../../src-shared/settings';
import type { EventBus } from '../event-bus';
import type { CaseStore, Clock } from '../ports';
import type { ReviewStore } from '../reviews';

export interface ReportsDeps {
  readonly store: CaseStore;
  readonly reviews: Pick<ReviewStore, 'caseIds' | 'load'>;
  readonly settings: () => Settings;
  readonly clock: Pick<Clock, 'now'>;
  readonly bus: EventBus;
  readonly log?: { error(message: string, error: unknown): void };
}

/** What the projection holds per case: its facts, and its review's facts and publications; the index reads them by time. */
type Held = { facts: Map<string, CaseFacts>; reviews: Map<string, ReviewFacts>; published: Map<string, string[]>; index: ReportIndex };

type State = { readonly kind: 'unbuilt' } | { readonly kind: 'building'; readonly done: Promise<Held> } | { readonly kind: 'ready'; readonly held: Held };

const PAGE = 1000;

/**
 * The reports' projection: one CaseFacts per case (and the facts of its review), built from the
 * store on first use or after an import, then kept up to date as events land (cases.changed),
 * reviews are saved (reviews.changed) and the policy changes (settings.changed: only cases with
 * a clock still running are judged again; ended clocks keep the policy they ended under).
 * The facts are indexed by time as they are held (`ReportIndex`): a report reads only the days of
 * its period and the clocks still running, never the cases' events.
 */
export class ReportsProjection {
  #state: State = { kind: 'unbuilt' };
  /** Changes that land while the projection is built, applied after it, in order. */
  #pending: Array<(held: Held) => Promise<void>> = [];
  #policy: Settings['policy'];
  /** Serializes updates so each case's facts follow its events in order. */
  #chain: Promise<void> = Promise.resolve();

  constructor(private readonly deps: ReportsDeps) {
    this.#policy = deps.settings().policy;
    deps.bus.on('cases.changed', ({ record }) => this.#enqueue(async (held) => this.#putCase(held, record)));
    // A case taken away (team mode: merged into another, rare): built again on the next query.
    deps.bus.on('cases.merged', () => this.#enqueue(async () => this.replaced()));
    deps.bus.on('reviews.changed', ({ caseId }) => this.#enqueue(async (held) => this.#reviewChanged(held, caseId)));
    deps.bus.on('settings.changed', ({ settings }) => {
      if (settings.policy === this.#policy) return;
      this.#policy = settings.policy;
      this.#enqueue(async (held) => this.#rejudgeRunning(held));
    });
  }

  /** The report for a period and grouping, from the projection (built first when missing). */
  async query(query: ReportQuery): Promise<Report> {
    const held = await this.#ready();
    return held.index.report(query, this.deps.clock.now());
  }

  /** Every case's facts (for tests and the bench), once built and up to date. */
  async facts(): Promise<ReadonlyMap<string, CaseFacts>> {
    return (await this.#ready()).facts;
  }

  /** Every review's facts (for tests and the bench), once built and up to date. */
  async reviews(): Promise<ReadonlyMap<string, ReviewFacts>> {
    return (await this.#ready()).reviews;
  }

  /** The data was replaced (an import): the next query builds the projection again from the store. */
  replaced(): void {
    this.#state = { kind: 'unbuilt' };
    this.#pending = [];
  }

  async #ready(): Promise<Held> {
    await this.#chain;
    if (this.#state.kind === 'ready') return this.#state.held;
    if (this.#state.kind === 'building') return this.#state.done;
    const done = this.#build();
    const state: State = { kind: 'building', done };
    this.#state = state;
    try {
      const held = await done;
      if (this.#state === state) this.#state = { kind: 'ready', held };
      return held;
    } catch (error) {
      if (this.#state === state) this.#state = { kind: 'unbuilt' };
      throw error;
    }
  }

  async #build(): Promise<Held> {
    const held: Held = { facts: new Map(), reviews: new Map(), published: new Map(), index: new ReportIndex() };
    const reviews: Review[] = [];
    for (const caseId of await this.deps.reviews.caseIds()) {
      const review = await this.deps.reviews.load(caseId);
      if (!review) continue;
      reviews.push(review);
      held.published.set(caseId, review.revisions.map((revision) => revision.publishedAt));
    }
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.deps.store.history({ limit: PAGE, offset });
      for (const record of page.cases) this.#holdCase(held, record);
      if (page.cases.length === 0 || offset + page.cases.length >= page.total) break;
    }
    // read after the history: a case reopened meanwhile is open here, and this copy wins
    for (const record of this.deps.store.openCases()) this.#holdCase(held, record);
    // an action item falls due at the end of its day in the case's time zone: known once the cases are
    for (const review of reviews) this.#holdReview(held, review);
    const pending = this.#pending;
    this.#pending = [];
    for (const apply of pending) await apply(held);
    return held;
  }

  #enqueue(apply: (held: Held) => Promise<void>): void {
    if (this.#state.kind === 'unbuilt') return;
    if (this.#state.kind === 'building') {
      this.#pending.push(apply);
      return;
    }
    const held = this.#state.held;
    this.#chain = this.#chain.then(() => apply(held)).catch((error: unknown) => {
      // a projection that missed a change is rebuilt on the next query rather than left wrong
      this.deps.log?.error('the reports projection could not follow a change; it is rebuilt on the next report', error);
      this.replaced();
    });
  }

  #holdCase(held: Held, record: CaseRecord): void {
    const settings = this.deps.settings();
    const facts = caseFactsOf(record, settings.policy, settings.policyHistory, held.published.get(record.id) ?? []);
    held.facts.set(record.id, facts);
    held.index.put(facts);
  }

  #holdReview(held: Held, review: Review): void {
    const settings = this.deps.settings();
    let timeZone = 'UTC';
    const facts = held.facts.get(review.caseId);
    try {
      if (facts) timeZone = caseTimeZone(settings.policy, facts.plan);
    } catch {
      // the case's plan left the policy: its action items fall due at the end of the UTC day
    }
    const reviewFacts = reviewFactsOf(review, timeZone);
    held.reviews.set(review.caseId, reviewFacts);
    held.index.putReview(reviewFacts);
    held.published.set(review.caseId, review.revisions.map((revision) => revision.publishedAt));
  }

  async #putCase(held: Held, record: CaseRecord): Promise<void> {
    this.#holdCase(held, record);
  }

  async #reviewChanged(held: Held, caseId: string): Promise<void> {
    const review = await this.deps.reviews.load(caseId);
    if (review) this.#holdReview(held, review);
    const record = await this.deps.store.get(caseId);
    if (record) this.#holdCase(held, record);
    // the time zone came from the case: hold the review again now the case is known
    if (review && record) this.#holdReview(held, review);
  }

  async #rejudgeRunning(held: Held): Promise<void> {
    for (const facts of [...held.facts.values()]) {
      if (facts.quietSince !== Number.POSITIVE_INFINITY) continue;
      const record = this.deps.store.openCase(facts.id) ?? (await this.deps.store.get(facts.id));
      if (record) this.#holdCase(held, record);
    }
  }
}
