import { memo, useCallback, useEffect, useMemo, useRef, type CSSProperties } from 'react';
import type { CaseSortColumn } from '../../../src-shared/contract';
import type { CaseSummary } from '../../../src-shared/domain';
import { count, formatDateTime, formatDayOf, planNamesOf } from '../../../src-shared/words';
import { STATUS_LABEL } from '../../components/labels';
import { SeverityBadge } from '../../components/SeverityBadge';
import { VirtualRows } from '../../components/VirtualRows';
import { ALL_CASES_PAGE, isLoading, useAllCases, useDeskStores, useLoadedSettings, type AllCasesResult } from '../../state';
import { LIST_KEYS, tabStopOf, useListKeys, type CursorList } from '../find';
import { AllCasesFilterBar } from './AllCasesFilterBar';
import { CustomerLink } from './CustomerLink';
import './all-cases.css';

/** The top bar's key for All cases. */
export const ALL_CASES_KEY = 'l';
export const ALL_CASES_ROW_HEIGHT = 30;
/** Pushed changes arriving together ask for the rows on screen once. */
const REFRESH_AFTER_MS = 50;

const COLUMNS: ReadonlyArray<{ label: string; className: string; sort?: CaseSortColumn }> = [
  { label: 'Id', className: 'col-id', sort: 'id' },
  { label: 'Severity', className: 'col-severity', sort: 'severity' },
  { label: 'Title', className: 'col-title', sort: 'title' },
  { label: 'Customer', className: 'col-customer', sort: 'customer' },
  { label: 'Plan', className: 'col-plan' },
  { label: 'Status', className: 'col-status', sort: 'status' },
  { label: 'Owner', className: 'col-owner', sort: 'owner' },
  { label: 'Logged', className: 'col-logged', sort: 'loggedAt' },
  { label: 'Updated', className: 'col-updated', sort: 'updatedAt' },
];

function rowAt(result: AllCasesResult | null, index: number): CaseSummary | undefined {
  return result?.pages.get(Math.floor(index / ALL_CASES_PAGE))?.[index % ALL_CASES_PAGE];
}

/**
 * Every case, open and closed, from the core a page at a time: search, filters and sortable
 * columns; only the rows in view are in the DOM and only their pages (and the next) are asked for.
 */
export function AllCasesView() {
  const { allCases, desk } = useDeskStores();
  const result = useAllCases((state) => state.result);
  const loading = useAllCases(isLoading);
  const error = useAllCases((state) => state.error);
  const searched = useAllCases((state) => state.searched);
  const filters = useAllCases((state) => state.filters);
  const sort = useAllCases((state) => state.sort);

  // Shown again: what changed meanwhile is asked for; while shown, each pushed change refreshes the rows on screen.
  useEffect(() => {
    allCases.getState().refresh();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changed = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        allCases.getState().refresh();
      }, REFRESH_AFTER_MS);
    };
    const offs = [desk.events.on('cases.changed', changed), desk.events.on('cases.merged', changed)];
    return () => {
      offs.forEach((off) => off());
      if (timer) clearTimeout(timer);
    };
  }, [allCases, desk]);

  const total = result?.total ?? 0;
  return (
    <section className="all-cases list-view" aria-label="All cases">
      <h2 className="all-cases-heading">All cases</h2>
      <AllCasesFilterBar />
      <p className="all-cases-count" aria-live="polite">
        {error ? null : result ? `${count(total, 'case')}, open and closed` : 'Searching…'}
      </p>
      {error ? (
        <p role="alert" className="form-error">
          Cases could not be listed: {error.message}
        </p>
      ) : null}
      {result && total === 0 && !loading ? (
        <p className="empty">No case matches. Search for something else or clear the filters.</p>
      ) : (
        <AllCasesTable key={JSON.stringify([searched, filters, sort])} result={result} loading={loading} />
      )}
    </section>
  );
}

function AllCasesTable({ result, loading }: { result: AllCasesResult | null; loading: boolean }) {
  const { allCases, ui } = useDeskStores();
  const sort = useAllCases((state) => state.sort);
  const plans = useLoadedSettings().policy.plans;
  const planName = useMemo(() => planNamesOf(plans), [plans]);
  const total = result?.total ?? 0;
  const list = useMemo<CursorList>(
    () => ({
      length: total,
      at: (index) => rowAt(result, index)?.id,
      indexOf: (id) => {
        for (const [page, rows] of result?.pages ?? []) {
          const at = rows.findIndex((row) => row.id === id);
          if (at >= 0) return page * ALL_CASES_PAGE + at;
        }
        return -1;
      },
    }),
    [result, total],
  );
  const table = useRef<HTMLDivElement>(null);
  const cursor = useListKeys(table, list);
  const need = useCallback((first: number, last: number) => allCases.getState().need(first, last), [allCases]);
  const open = useCallback((id: string) => ui.getState().openCase(id), [ui]);

  const renderRow = (index: number, style: CSSProperties, key: number) => {
    const summary = rowAt(result, index);
    return <AllCasesRow key={key} summary={summary} index={index} cursor={index === cursor} tabStop={index === tabStopOf(cursor)} planName={summary ? planName(summary.plan) : ''} style={style} onOpen={open} />;
  };

  const head = (
    <div role="row" aria-rowindex={1} className="all-cases-row all-cases-head">
      {COLUMNS.map((column) => {
        const sorted = column.sort !== undefined && sort.by === column.sort;
        return (
          <span
            key={column.label}
            role="columnheader"
            className={column.className}
            aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
          >
            {column.sort ? (
              <button type="button" className="sort" onClick={() => allCases.getState().sortBy(column.sort!)} title={`Order by ${column.label.toLowerCase()}`}>
                {column.label}
                <span aria-hidden="true">{sorted ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
              </button>
            ) : (
              column.label
            )}
          </span>
        );
      })}
    </div>
  );

  return (
    <div
      ref={table}
      role="table"
      aria-label="All cases"
      aria-rowcount={total + 1}
      aria-busy={loading}
      className="all-cases-table"
      title={`Move with ${LIST_KEYS.down.replace(' ', ' or ')} / ${LIST_KEYS.up.replace(' ', ' or ')}; ${LIST_KEYS.open} opens`}
    >
      <VirtualRows head={head} count={total} rowHeight={ALL_CASES_ROW_HEIGHT} renderRow={renderRow} activeIndex={cursor} className="all-cases-body" onRange={need} renderAhead />
    </div>
  );
}

interface RowProps {
  readonly summary: CaseSummary | undefined;
  readonly index: number;
  readonly cursor: boolean;
  /** The row that takes the list's one tab stop (roving tabindex). */
  readonly tabStop: boolean;
  readonly planName: string;
  readonly style: CSSProperties;
  readonly onOpen: (id: string) => void;
}

/** One case; a row whose page is still on its way says so. Memoized on its summary. */
const AllCasesRow = memo(function AllCasesRow({ summary, index, cursor, tabStop, planName, style, onOpen }: RowProps) {
  if (!summary) {
    return (
      <div role="row" aria-rowindex={index + 2} className="all-cases-row pending" style={style}>
        <span role="cell" className="col-loading">
          Loading…
        </span>
      </div>
    );
  }
  const s = summary;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={cursor}
      tabIndex={tabStop ? 0 : -1}
      className={`all-cases-row${cursor ? ' cursor' : ''}${s.status === 'closed' ? ' closed' : ''}`}
      style={style}
      onClick={() => onOpen(s.id)}
    >
      <span role="cell" className="col-id">{s.id}</span>
      <span role="cell" className="col-severity"><SeverityBadge severity={s.severity} /></span>
      <span role="cell" className="col-title" title={s.title}>{s.title}</span>
      <span role="cell" className="col-customer"><CustomerLink customer={s.customer} inRow /></span>
      <span role="cell" className="col-plan">{planName}</span>
      <span role="cell" className="col-status">{STATUS_LABEL[s.status]}</span>
      <span role="cell" className="col-owner">{s.owner ?? 'Nobody'}</span>
      <span role="cell" className="col-logged" title={formatDateTime(s.loggedAt, { year: true })}>{formatDayOf(s.loggedAt, { year: true })}</span>
      <span role="cell" className="col-updated" title={formatDateTime(s.updatedAt, { year: true })}>{formatDayOf(s.updatedAt, { year: true })}</span>
    </div>
  );
});
