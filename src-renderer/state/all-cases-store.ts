import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CaseQueryInput, CaseSortColumn, DeskError } from '../../src-shared/contract';
import { CASE_STATUSES, type CaseStatus, type CaseSummary, type Severity } from '../../src-shared/domain';
import { fromInputValue } from '../../src-shared/words';
import type { Desk } from '../api';

/** Rows asked for at once: about five screens. */
export const ALL_CASES_PAGE = 100;

/** "open" is every status but closed. */
export type AllCasesStatus = '' | 'open' | CaseStatus;

export interface AllCasesFilters {
  readonly status: AllCasesStatus;
  readonly severity: Severity | '';
  readonly plan: string;
  readonly customer: string;
  readonly owner: string;
  /** Days ("2026-11-29", from a date input) in the engineer's zone; both included. */
  readonly loggedFrom: string;
  readonly loggedTo: string;
}

export interface AllCasesSort {
  readonly by: CaseSortColumn;
  readonly direction: 'asc' | 'desc';
}

export const NO_ALL_CASES_FILTERS: AllCasesFilters = { status: '', severity: '', plan: '', customer: '', owner: '', loggedFrom: '', loggedTo: '' };
const FIRST_SORT: AllCasesSort = { by: 'updatedAt', direction: 'desc' };
/** A column clicked for the first time: newest first for times, A to Z otherwise. */
const FIRST_DIRECTION: Record<CaseSortColumn, 'asc' | 'desc'> = {
  id: 'desc',
  title: 'asc',
  customer: 'asc',
  severity: 'asc',
  status: 'asc',
  owner: 'asc',
  loggedAt: 'desc',
  updatedAt: 'desc',
};

/** What is on screen: rows by page, for the query numbered `generation`. */
export interface AllCasesResult {
  readonly generation: number;
  readonly total: number;
  readonly pages: ReadonlyMap<number, readonly CaseSummary[]>;
}

export interface AllCasesState {
  readonly text: string;
  readonly filters: AllCasesFilters;
  readonly sort: AllCasesSort;
  /** Counts the queries: a change of text, filters or order starts a new one. */
  readonly generation: number;
  /** The latest answer; until the new query's first page arrives, the previous one (see `isLoading`). */
  readonly result: AllCasesResult | null;
  readonly error: DeskError | null;
  setText(text: string): void;
  setFilters(patch: Partial<AllCasesFilters>): void;
  /** Orders by the column; the same column again turns the order around. */
  sortBy(column: CaseSortColumn): void;
  /** Every case of one customer: the customer's filter alone. */
  showCustomer(customer: string): void;
  /** No search, no filters. */
  clear(): void;
  /** Makes sure the rows from `first` to `last` (and the page after them) are loaded or on their way. */
  need(first: number, last: number): void;
  /** Asks again for every page on screen (a case changed, the host came back). */
  refresh(): void;
}

export type AllCasesStore = StoreApi<AllCasesState>;

const OPEN_STATUSES = CASE_STATUSES.filter((status) => status !== 'closed');

/** The day after a date input's value ("2026-11-29" -> "2026-11-30"), by the calendar, not by 24 hours. */
function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const next = new Date(Date.UTC(y!, m! - 1, d! + 1));
  return next.toISOString().slice(0, 10);
}

/** The query on screen is asked and its first page not yet answered. */
export function isLoading(state: Pick<AllCasesState, 'result' | 'generation' | 'error'>): boolean {
  return state.error === null && state.result?.generation !== state.generation;
}

/** The request for the query on screen (without its page). */
export function queryOf(state: Pick<AllCasesState, 'text' | 'filters' | 'sort'>): CaseQueryInput {
  const f = state.filters;
  const loggedFrom = f.loggedFrom ? fromInputValue(`${f.loggedFrom}T00:00`) : null;
  const loggedBefore = f.loggedTo ? fromInputValue(`${nextDay(f.loggedTo)}T00:00`) : null;
  return {
    text: state.text,
    filters: {
      status: f.status === '' ? [] : f.status === 'open' ? OPEN_STATUSES : [f.status],
      severity: f.severity ? [f.severity] : [],
      plan: f.plan,
      customer: f.customer,
      owner: f.owner,
      ...(loggedFrom ? { loggedFrom } : {}),
      ...(loggedBefore ? { loggedBefore } : {}),
    },
    sort: state.sort,
  };
}

/**
 * The All cases list: the query (search, filters, order) and the pages of its answer that were
 * asked for. Only pages in view (and the next) are fetched; the core keeps the rest.
 */
export function createAllCasesStore(desk: Desk): AllCasesStore {
  /** Pages asked for and not yet answered, as "generation:page". */
  const inFlight = new Set<string>();

  const fetchPage = (page: number) => {
    const { generation } = store.getState();
    const key = `${generation}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    void desk.api['cases.query']({ ...queryOf(store.getState()), offset: page * ALL_CASES_PAGE, limit: ALL_CASES_PAGE }).then((answer) => {
      inFlight.delete(key);
      const state = store.getState();
      if (state.generation !== generation) return;
      if (!answer.ok) return store.setState({ error: answer.error });
      const previous = state.result?.generation === generation ? state.result.pages : new Map<number, readonly CaseSummary[]>();
      const pages = new Map(previous);
      pages.set(page, answer.value.rows);
      store.setState({ result: { generation, total: answer.value.total, pages }, error: null });
    });
  };

  const restart = (patch: Partial<Pick<AllCasesState, 'text' | 'filters' | 'sort'>>) => {
    store.setState((state) => ({ ...patch, generation: state.generation + 1, error: null }));
    fetchPage(0);
  };

  const store = createStore<AllCasesState>()((_set, get) => ({
    text: '',
    filters: NO_ALL_CASES_FILTERS,
    sort: FIRST_SORT,
    generation: 0,
    result: null,
    error: null,
    setText: (text) => restart({ text }),
    setFilters: (patch) => restart({ filters: { ...get().filters, ...patch } }),
    sortBy: (by) => {
      const { sort } = get();
      restart({ sort: sort.by === by ? { by, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { by, direction: FIRST_DIRECTION[by] } });
    },
    showCustomer: (customer) => restart({ text: '', filters: { ...NO_ALL_CASES_FILTERS, customer } }),
    clear: () => restart({ text: '', filters: NO_ALL_CASES_FILTERS }),
    need: (first, last) => {
      const { result, generation } = get();
      if (!result || result.generation !== generation) return fetchPage(0);
      const lastPage = Math.floor(Math.max(0, result.total - 1) / ALL_CASES_PAGE);
      const to = Math.min(lastPage, Math.floor(last / ALL_CASES_PAGE) + 1);
      for (let page = Math.floor(Math.max(0, first) / ALL_CASES_PAGE); page <= to; page++) if (!result.pages.has(page)) fetchPage(page);
    },
    refresh: () => {
      const { result, generation } = get();
      // Never shown yet: nothing to refresh (the view asks for its first page when it is shown).
      if (!result) return;
      if (result.generation !== generation) return fetchPage(0);
      // Same query, fresh rows: the pages on screen are replaced as their answers arrive.
      store.setState({ generation: generation + 1, result: { ...result, generation: generation + 1 } });
      for (const page of result.pages.keys()) fetchPage(page);
    },
  }));
  return store;
}
