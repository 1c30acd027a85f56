import type { CaseQuery, CaseQueryResult } from '../../../src-shared/contract';
import { summaryOf, type CaseRecord, type CaseSummary } from '../../../src-shared/domain';
import type { EventBus } from '../event-bus';
import type { CaseStore } from '../ports';
import { CaseCatalog, scanCases } from './case-catalog';

export interface AllCasesDeps {
  readonly store: CaseStore;
  readonly bus: EventBus;
}

/** Cases added to the catalog between two looks at the event loop, so a build never holds the host up for long. */
const BUILD_CHUNK = 2_000;

/** A build under way. */
class Building {
  readonly kind = 'building';
  /** Changes that landed during the build, in order: those after the read are applied to the catalog at its end. */
  readonly changes: CaseRecord[] = [];
  /** Every case as read (one summary each), kept current by every change: it answers queries until the catalog is ready. */
  read: Map<string, CaseSummary> | null = null;
  readonly cases: Promise<Map<string, CaseSummary>>;
  #casesRead!: (cases: Map<string, CaseSummary>) => void;
  #casesFailed!: (error: unknown) => void;
  catalog!: Promise<CaseCatalog>;

  constructor() {
    this.cases = new Promise((resolve, reject) => {
      this.#casesRead = resolve;
      this.#casesFailed = reject;
    });
    this.cases.catch(() => undefined);
  }

  casesRead(cases: Map<string, CaseSummary>): void {
    this.read = cases;
    this.#casesRead(cases);
  }

  failed(error: unknown): void {
    this.#casesFailed(error);
  }
}

type State = { readonly kind: 'unbuilt' } | Building | { readonly kind: 'ready'; readonly catalog: CaseCatalog };

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Every case, open and closed, for lists over all of them. The catalog is built once (the closed
 * history's index, then the open cases): in the background after start-up (`warm`), or by the
 * first query if that comes first; then it follows every `cases.changed`; changes that land
 * while it is built are applied after it, in order. The build adds the cases a chunk at a time;
 * meanwhile a query without search words is answered by a plain scan of the cases read (the same
 * answer, found more slowly), so the first screen does not wait for the text index and the
 * orders; a search waits for them.
 */
export class AllCases {
  #state: State = { kind: 'unbuilt' };

  constructor(private readonly deps: AllCasesDeps) {
    deps.bus.on('cases.changed', ({ record }) => this.#changed(record));
    // A case taken away (team mode: merged into another, rare): the next query builds the catalog again.
    deps.bus.on('cases.merged', () => this.replaced());
  }

  async query(query: CaseQuery): Promise<CaseQueryResult> {
    if (this.#state.kind === 'ready') return this.#state.catalog.query(query);
    const building = this.#state.kind === 'building' ? this.#state : this.#start();
    // A search waits for the text index; a list without search words (the first screen) is a scan.
    if (query.text.trim() !== '') return (await building.catalog).query(query);
    const cases = await building.cases;
    return this.#ready()?.query(query) ?? scanCases(cases.values(), query);
  }

  /** The catalog, built once. */
  catalog(): Promise<CaseCatalog> {
    if (this.#state.kind === 'ready') return Promise.resolve(this.#state.catalog);
    return (this.#state.kind === 'building' ? this.#state : this.#start()).catalog;
  }

  #start(): Building {
    const state = new Building();
    this.#state = state;
    state.catalog = this.#build(state).catch((error: unknown) => {
      state.failed(error);
      if (this.#state === state) this.#state = { kind: 'unbuilt' };
      throw error;
    });
    // Reported to whoever waits for the catalog or the cases; nobody need wait.
    state.catalog.catch(() => undefined);
    return state;
  }

  #ready(): CaseCatalog | null {
    return this.#state.kind === 'ready' ? this.#state.catalog : null;
  }

  /** Builds the catalog in the background, so the first search does not wait for it; a failure is left to the first query to report. */
  warm(): void {
    this.catalog().catch(() => undefined);
  }

  /** Resolves once no build is under way (before the store closes). */
  async settled(): Promise<void> {
    if (this.#state.kind === 'building') await this.#state.catalog.catch(() => undefined);
  }

  /** Every case was replaced (an import): the next query builds the catalog again. */
  replaced(): void {
    this.#state = { kind: 'unbuilt' };
  }

  async #build(state: Building): Promise<CaseCatalog> {
    const cases = new Map<string, CaseSummary>();
    for (const summary of await this.deps.store.closedSummaries()) cases.set(summary.id, summary);
    // Read after the history: a case reopened meanwhile is open here, and this copy wins.
    for (const record of this.deps.store.openCases()) cases.set(record.id, summaryOf(record));
    for (const record of state.changes) cases.set(record.id, summaryOf(record));
    const applied = state.changes.length;
    state.casesRead(cases);

    const catalog = new CaseCatalog();
    let added = 0;
    for (const summary of [...cases.values()]) {
      catalog.upsert(summary);
      if (++added % BUILD_CHUNK === 0) await nextTurn();
    }
    for (const record of state.changes.slice(applied)) catalog.upsert(summaryOf(record));
    catalog.compact();
    // Ready in the turn that applied the last change, so no change falls between the two.
    if (this.#state === state) this.#state = { kind: 'ready', catalog };
    return catalog;
  }

  #changed(record: CaseRecord): void {
    if (this.#state.kind === 'building') {
      this.#state.changes.push(record);
      this.#state.read?.set(record.id, summaryOf(record));
    } else if (this.#state.kind === 'ready') this.#state.catalog.upsert(summaryOf(record));
  }
}
