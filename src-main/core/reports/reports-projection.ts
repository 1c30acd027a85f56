import type { ReportsStatus } from '../../../src-shared/contract';
import type { CaseRecord } from '../../../src-shared/domain';
import { caseFactsOf, ReportIndex, reviewFactsOf, type CaseFacts, type Report, type ReportQuery, type ReviewFacts } from '../../../src-shared/reports';
import { caseTimeZone, type ReviewDigest } from '../../../src-shared/review';
import type { Settings } from '../../../src-shared/settings';
import type { EventBus } from '../event-bus';
import type { CaseStore, Clock } from '../ports';
import type { ReviewStore } from '../reviews';

export interface ReportsDeps {
  readonly store: CaseStore;
  readonly reviews: Pick<ReviewStore, 'digests' | 'load'>;
  readonly settings: () => Settings;
  readonly clock: Pick<Clock, 'now'>;
  readonly bus: EventBus;
  readonly log?: { error(message: string, error: unknown): void };
}

/** What the projection holds per case: its facts, and its review's facts and publications; the index reads them by time. */
type Held = { facts: Map<string, CaseFacts>; reviews: Map<string, ReviewFacts>; published: Map<string, string[]>; index: ReportIndex };

/** A build under way: how far it got, and the changes that land meanwhile (applied after it, in order). */
class Building {
  readonly kind = 'building';
  done!: Promise<Held>;
  readonly pending: Array<(held: Held) => Promise<void>> = [];
  casesRead = 0;
  /** Known once the history's first page is read (its total) and the open cases are counted. */
  casesTotal: number | null = null;
}

type State = { readonly kind: 'unbuilt' } | Building | { readonly kind: 'ready'; readonly held: Held };


/** Cases read from the history at a time. */
const PAGE = 1000;
/**
 * Cases (or reviews) held between two looks at the event loop: a build never holds the host up
 * for more than this many cases' facts (a few milliseconds each on a loaded machine), so requests
 * are answered while it runs. Each page of the history is held in several slices.
 */
const SLICE = 100;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A build given up because the data was replaced (an import) meanwhile: whoever waited for it waits for the next. */
class Superseded extends Error {}

/**
 * The reports' projection: one CaseFacts per case (and the facts of its review), built from the
 * store in the background from start-up (`warm`), or by the first report if that comes first,
 * and again after an import, then kept up to date as events land (cases.changed),
 * reviews are saved (reviews.changed) and the policy changes (settings.changed: only cases with
 * a clock still running are judged again; ended clocks keep the policy they ended under).
 * The facts are indexed by time as they are held (`ReportIndex`): a report reads only the days of
 * its period and the clocks still running, never the cases' events. The build holds the cases a
 * slice at a time between turns of the event loop; a report asked for meanwhile waits for it (never
 * a report over part of the cases), and `status()` says how far it got.
 */
export class ReportsProjection {
  #state: State = { kind: 'unbuilt' };
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

  /** Builds the projection in the background (at start-up), so the first report waits less or not at all; a failure is left to the first report to say. */
  warm(): void {
    this.#ready().catch(() => undefined);
  }

  /** Whether a report now would wait for a build, and how far it got. */
  status(): ReportsStatus {
    const state = this.#state;
    return state.kind === 'building' ? { building: true, casesRead: state.casesRead, casesTotal: state.casesTotal } : { building: false };
  }

  /** Resolves once no build is under way (before the store closes). */
  async settled(): Promise<void> {
    if (this.#state.kind === 'building') await this.#state.done.catch(() => undefined);
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
  }

  /** The projection once built and up to date: after the updates under way, or after the build (started here when none is). */
  #ready(): Promise<Held> {
    const current = this.#state;
    if (current.kind === 'building') return current.done;
    if (current.kind === 'ready') return this.#chain.then(() => (this.#state === current ? current.held : this.#ready()));
    const state = new Building();
    this.#state = state;
    state.done = this.#build(state).catch((error: unknown) => {
      if (error instanceof Superseded) return this.#ready();
      if (this.#state === state) this.#state = { kind: 'unbuilt' };
      throw error;
    });
    return state.done;
  }

  async #build(state: Building): Promise<Held> {
    const turn = async () => {
      await nextTurn();
      if (this.#state !== state) throw new Superseded();
    };
    // whoever started the build holds its promise before it runs
    await turn();
    const held: Held = { facts: new Map(), reviews: new Map(), published: new Map(), index: new ReportIndex() };
    // the reviews' digests (the review store keeps them): no review file is read
    const reviews = [...(await this.deps.reviews.digests()).values()];
    for (const [index, review] of reviews.entries()) {
      held.published.set(review.caseId, review.revisions.map((revision) => revision.publishedAt));
      if ((index + 1) % SLICE === 0) await turn();
    }
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.deps.store.history({ limit: PAGE, offset });
      state.casesTotal = page.total + this.deps.store.openCases().length;
      for (const record of page.cases) {
        this.#holdCase(held, record);
        if (++state.casesRead % SLICE === 0) await turn();
      }
      if (page.cases.length === 0 || offset + page.cases.length >= page.total) break;
    }
    // read after the history: a case reopened meanwhile is open here, and this copy wins (a copy
    // held in a slice is the store's at that turn; a change after it is among the pending ones)
    const open = this.deps.store.openCases();
    state.casesTotal = state.casesRead + open.length;
    for (const record of open) {
      const current = this.deps.store.openCase(record.id);
      // closed since the list was taken: the history held it, or its change is pending
      if (current) this.#holdCase(held, current);
      if (++state.casesRead % SLICE === 0) await turn();
    }
    // an action item falls due at the end of its day in the case's time zone: known once the cases are
    for (const [index, review] of reviews.entries()) {
      this.#holdReview(held, review);
      if ((index + 1) % SLICE === 0) await turn();
    }
    // Every change that landed meanwhile (and those that land while these are applied), then ready
    // in the same turn as the last of them, so no change falls between the two.
    for (let apply = state.pending.shift(); apply; apply = state.pending.shift()) await apply(held);
    if (this.#state === state) this.#state = { kind: 'ready', held };
    return held;
  }

  #enqueue(apply: (held: Held) => Promise<void>): void {
    if (this.#state.kind === 'unbuilt') return;
    if (this.#state.kind === 'building') {
      this.#state.pending.push(apply);
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

  #holdReview(held: Held, review: ReviewDigest): void {
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
