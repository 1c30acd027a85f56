import type { CaseQuery, CaseQueryResult } from '../../../src-shared/contract';
import { summaryOf, type CaseRecord } from '../../../src-shared/domain';
import type { EventBus } from '../event-bus';
import type { CaseStore } from '../ports';
import { CaseCatalog } from './case-catalog';

export interface AllCasesDeps {
  readonly store: CaseStore;
  readonly bus: EventBus;
}

type State =
  | { readonly kind: 'unbuilt' }
  | { readonly kind: 'building'; readonly catalog: Promise<CaseCatalog>; readonly changes: CaseRecord[] }
  | { readonly kind: 'ready'; readonly catalog: CaseCatalog };

/**
 * Every case, open and closed, for lists over all of them. The catalog is built once (the closed
 * history's index, then the open cases): in the background after start-up (`warm`), or by the
 * first query if that comes first; then it follows every `cases.changed`; changes that land
 * while it is built are applied after it, in order.
 */
export class AllCases {
  #state: State = { kind: 'unbuilt' };

  constructor(private readonly deps: AllCasesDeps) {
    deps.bus.on('cases.changed', ({ record }) => this.#changed(record));
  }

  async query(query: CaseQuery): Promise<CaseQueryResult> {
    return (await this.catalog()).query(query);
  }

  /** The catalog, built once. */
  catalog(): Promise<CaseCatalog> {
    if (this.#state.kind === 'ready') return Promise.resolve(this.#state.catalog);
    if (this.#state.kind === 'building') return this.#state.catalog;
    const changes: CaseRecord[] = [];
    const building = this.#build(changes);
    const state: State = { kind: 'building', catalog: building, changes };
    this.#state = state;
    building.then(
      (catalog) => {
        if (this.#state === state) this.#state = { kind: 'ready', catalog };
      },
      () => {
        if (this.#state === state) this.#state = { kind: 'unbuilt' };
      },
    );
    return building;
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

  async #build(changes: CaseRecord[]): Promise<CaseCatalog> {
    const catalog = new CaseCatalog();
    for (const summary of await this.deps.store.closedSummaries()) catalog.upsert(summary);
    // Read after the history: a case reopened meanwhile is open here, and this copy wins.
    for (const record of this.deps.store.openCases()) catalog.upsert(summaryOf(record));
    for (const record of changes) catalog.upsert(summaryOf(record));
    catalog.compact();
    return catalog;
  }

  #changed(record: CaseRecord): void {
    if (this.#state.kind === 'building') this.#state.changes.push(record);
    else if (this.#state.kind === 'ready') this.#state.catalog.upsert(summaryOf(record));
  }
}
