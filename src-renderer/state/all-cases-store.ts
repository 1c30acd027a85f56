import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CaseQueryInput, CaseSortColumn, DeskError } from '../../src-shared/contract';
import { CASE_STATUSES, type CaseStatus, type CaseSummary, type Severity } from '../../src-shared/domain';
import { fromInputValue } from '../../src-shared/words';
import type { Desk } from '../api';

/** Rows asked for at once: about five screens. */
export const ALL_CASES_PAGE = 100;
/** Typing waits this long for the next key before the search is asked for: one query per pause, not per key. */
export const SEARCH_DEBOUNCE_MS = 150;

/** "open" is every status but closed. */
export type AllCasesStatus = '' | 'open' | CaseStatus;

export interface AllCasesFilters {
  readonly status: AllCasesStatus;
  readonly severity: Severity | '';
  readonly plan: string;
  readonly customer: string;
  readonly owner: string;
  /**
   * The owner filter is on "Another name…": `owner` is a name typed whole, even while it is still
   * empty. Kept with the filters (not in the field) so Clear puts the filter back on Anyone.
   */
  readonly ownerTyped: boolean;
  /** Days ("2026-11-29", from a date input) in the engineer's zone; both included. */
  readonly loggedFrom: string;
  readonly loggedTo: string;
}

export interface AllCasesSort {
  readonly by: CaseSortColumn;
  readonly direction: 'asc' | 'desc';
}

export const NO_ALL_CASES_FILTERS: AllCasesFilters = { status: '', severity: '', plan: '', customer: '', owner: '', ownerTyped: false, loggedFrom: '', loggedTo: '' };
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
  /** What is in the search box. */
  readonly text: string;
  /** The search the query on screen asks for: `text` once typing pauses (or Enter). */
  readonly searched: string;
  readonly filters: AllCasesFilters;
  readonly sort: AllCasesSort;
  /** Counts the queries: a change of text, filters or order starts a new one. */
  readonly generation: number;
  /** The latest answer; until the new query's first page arrives, the previous one (see `isLoading`). */
  readonly result: AllCasesResult | null;
  readonly error: DeskError | null;
  /** The search box changed: the query follows after a pause in typing. */
  setText(text: string): void;
  /** Asks for the search in the box now (Enter), without waiting for the pause. */
  search(): void;
  setFilters(patch: Partial<AllCasesFilters>): void;
  /** Orders by the column; the same column again turns the order around. */
  sortBy(column: CaseSortColumn): void;
  /** Every case of one customer: the customer's filter alone. */
  showCustomer(customer: string): void;
  /** No search, no filters. */
  clear(): void;
  /** Makes sure the rows from `first` to `last` (and the page after them) are loaded or on their way. */
  need(first: number, last: number): void;
  /** Asks again for the pages in view (a case changed, the host came back); the others are asked for when scrolled to. */
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

/** The rows on screen are for an older query: a search typed and not yet asked, or asked and its first page not yet answered. */
export function isLoading(state: Pick<AllCasesState, 'result' | 'generation' | 'error' | 'text' | 'searched'>): boolean {
  return state.error === null && (state.result?.generation !== state.generation || state.text !== state.searched);
}

/** The request for the query on screen (without its page). */
export function queryOf(state: Pick<AllCasesState, 'searched' | 'filters' | 'sort'>): CaseQueryInput {
  const f = state.filters;
  const loggedFrom = f.loggedFrom ? fromInputValue(`${f.loggedFrom}T00:00`) : null;
  const loggedBefore = f.loggedTo ? fromInputValue(`${nextDay(f.loggedTo)}T00:00`) : null;
  return {
    text: state.searched,
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
 * asked for. Only pages in view (and the next) are fetched; the core keeps the rest. Each query
 * (and each refresh) has its own generation: an answer for an older one is dropped, however late
 * it comes, so a slow earlier answer never overwrites a newer one.
 */
export function createAllCasesStore(desk: Desk): AllCasesStore {
  /** Pages asked for and not yet answered, as "generation:page". */
  const inFlight = new Set<string>();
  /** The rows last in view (from `need`): what a refresh asks for again. */
  let view = { first: 0, last: 0 };
  let typing: ReturnType<typeof setTimeout> | undefined;
  /** A refresh was asked for while one was under way: run it when that one is answered. */
  let refreshAgain = false;

  const underWay = (generation: number) => [...inFlight].some((key) => key.startsWith(`${generation}:`));

  const fetchPage = (page: number) => {
    const { generation } = store.getState();
    const key = `${generation}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    void desk.api['cases.query']({ ...queryOf(store.getState()), offset: page * ALL_CASES_PAGE, limit: ALL_CASES_PAGE }).then((answer) => {
      inFlight.delete(key);
      const state = store.getState();
      if (state.generation !== generation) return;
      if (!answer.ok) store.setState({ error: answer.error });
      else {
        const previous = state.result?.generation === generation ? state.result.pages : new Map<number, readonly CaseSummary[]>();
        const pages = new Map(previous);
        pages.set(page, answer.value.rows);
        store.setState({ result: { generation, total: answer.value.total, pages }, error: null });
      }
      if (refreshAgain && !underWay(generation)) {
        refreshAgain = false;
        store.getState().refresh();
      }
    });
  };

  /** A new query: the text in the box is asked for at once, with whatever else changed. */
  const restart = (patch: Partial<Pick<AllCasesState, 'text' | 'filters' | 'sort'>>) => {
    clearTimeout(typing);
    typing = undefined;
    refreshAgain = false;
    store.setState((state) => ({ ...patch, searched: patch.text ?? state.text, generation: state.generation + 1, error: null }));
    fetchPage(0);
  };

  const store = createStore<AllCasesState>()((set, get) => ({
    text: '',
    searched: '',
    filters: NO_ALL_CASES_FILTERS,
    sort: FIRST_SORT,
    generation: 0,
    result: null,
    error: null,
    setText: (text) => {
      set({ text });
      clearTimeout(typing);
      typing = text === get().searched ? undefined : setTimeout(() => restart({}), SEARCH_DEBOUNCE_MS);
    },
    search: () => {
      if (get().text !== get().searched) restart({});
    },
    setFilters: (patch) => restart({ filters: { ...get().filters, ...patch } }),
    sortBy: (by) => {
      const { sort } = get();
      restart({ sort: sort.by === by ? { by, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { by, direction: FIRST_DIRECTION[by] } });
    },
    showCustomer: (customer) => restart({ text: '', filters: { ...NO_ALL_CASES_FILTERS, customer } }),
    clear: () => restart({ text: '', filters: NO_ALL_CASES_FILTERS }),
    need: (first, last) => {
      view = { first, last };
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
      // One refresh at a time: a burst of changes while one is answered asks once more after it, not once per change.
      if (underWay(generation)) {
        refreshAgain = true;
        return;
      }
      // Same query, fresh rows: the pages in view stay on screen until their answers replace them;
      // the pages out of view are dropped, and asked for again when scrolled to.
      const lastPage = Math.floor(Math.max(0, result.total - 1) / ALL_CASES_PAGE);
      const from = Math.min(lastPage, Math.floor(Math.max(0, view.first) / ALL_CASES_PAGE));
      const to = Math.min(lastPage, Math.floor(Math.max(0, view.last) / ALL_CASES_PAGE));
      const pages = new Map<number, readonly CaseSummary[]>();
      for (let page = from; page <= to; page++) {
        const rows = result.pages.get(page);
        if (rows) pages.set(page, rows);
      }
      set({ generation: generation + 1, result: { ...result, generation: generation + 1, pages } });
      for (let page = from; page <= to; page++) fetchPage(page);
    },
  }));
  return store;
}
