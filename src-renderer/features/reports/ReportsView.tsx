import { useEffect, useMemo, useRef, useState } from 'react';
import type { DeskError, ReportsStatus } from '../../../src-shared/contract';
import { GROUPING_LABEL, REPORT_GROUPINGS, reportHtml, reportTables, type Report, type ReportGrouping, type ReportPeriod, type Table } from '../../../src-shared/reports';
import { formatDateTime, planNamesOf } from '../../../src-shared/words';
import { DateField } from '../../components/DateField';
import { downloadText } from '../../components/download-text';
import { usePrintPath } from '../../components/use-print-path';
import { useDeskStores, useLoadedSettings, useSystem } from '../../state';
import { tableCsv } from './csv';
import './reports.css';

// uPlot is loaded with the Reports view, not with the console; the report is shown once it is
// there, so a report on the screen (or on paper) always has its chart drawn, never a placeholder.
type WeeklyChartComponent = (typeof import('./WeeklyChart'))['WeeklyChart'];
type ChartModule = { chart: WeeklyChartComponent | null; error: string | null };

/** The top bar's key for Reports. */
export const REPORTS_KEY = 'p';

/** How long the view waits between two looks at a build under way. */
const BUILD_LOOK_MS = 500;

type PeriodChoice = 'last7' | 'last30' | 'last90' | 'quarter' | 'custom';
const PERIOD_LABEL: Record<PeriodChoice, string> = { last7: 'Last 7 days', last30: 'Last 30 days', last90: 'Last 90 days', quarter: 'A quarter', custom: 'Custom' };

function periodOf(choice: PeriodChoice, quarter: string, from: string, to: string): ReportPeriod | null {
  if (choice === 'last7') return { kind: 'last', days: 7 };
  if (choice === 'last30') return { kind: 'last', days: 30 };
  if (choice === 'last90') return { kind: 'last', days: 90 };
  if (choice === 'quarter') {
    const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
    return match ? { kind: 'quarter', year: Number(match[1]), quarter: Number(match[2]) } : null;
  }
  if (!from || !to) return null;
  return { kind: 'custom', from: `${from}T00:00:00.000Z`, to: `${to}T00:00:00.000Z` };
}

function currentQuarter(): string {
  const now = new Date();
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

/** Reports over every case (docs/reports.md): a period, a grouping, and every figure as a table that exports CSV. */
export function ReportsView() {
  const { desk, ui, system } = useDeskStores();
  const settings = useLoadedSettings();
  const host = useSystem((state) => state.info?.host);
  const [saved, setSaved] = useState<{ message: string; error: boolean } | null>(null);
  useEffect(() => {
    void system.getState().load();
  }, [system]);
  const [choice, setChoice] = useState<PeriodChoice>('last30');
  const [quarter, setQuarter] = useState(currentQuarter);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [groupBy, setGroupBy] = useState<ReportGrouping>('severity');
  const [state, setState] = useState<{ report: Report | null; error: DeskError | null; loading: boolean }>({ report: null, error: null, loading: true });
  const period = useMemo(() => periodOf(choice, quarter, from, to), [choice, quarter, from, to]);
  const [chartModule, setChartModule] = useState<ChartModule | null>(null);
  const section = useRef<HTMLElement>(null);
  // Printed (the browser's Export PDF), the report alone is on paper (reports.css).
  usePrintPath(section, true);

  useEffect(() => {
    let current = true;
    import('./WeeklyChart').then(
      (module) => current && setChartModule({ chart: module.WeeklyChart, error: null }),
      (error: unknown) => current && setChartModule({ chart: null, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, []);

  const [building, setBuilding] = useState<Extract<ReportsStatus, { building: true }> | null>(null);

  useEffect(() => {
    if (!period) return;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState((before) => ({ ...before, loading: true }));
    // While the projection is built (after start-up or an import), the view says how far it got,
    // then asks for the report: a report is never made over part of the cases.
    const ask = () =>
      void desk.api['reports.query']({ period, groupBy }).then((result) => {
        if (!current) return;
        setBuilding(null);
        setState(result.ok ? { report: result.value, error: null, loading: false } : { report: null, error: result.error, loading: false });
      });
    const look = () =>
      void desk.api['reports.status']({}).then((status) => {
        if (!current) return;
        if (status.ok && status.value.building) {
          setBuilding(status.value);
          timer = setTimeout(look, BUILD_LOOK_MS);
        } else ask();
      });
    look();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [desk, period, groupBy]);

  const plans = settings.policy.plans;
  const tables = useMemo(() => (state.report ? reportTables(state.report, planNamesOf(plans)) : []), [state.report, plans]);
  // Shown once the chart's code is there (or said to have failed, below), never while a build is
  // under way (a report from before an import is not current).
  const report = chartModule && !building ? state.report : null;
  const WeeklyChart = chartModule?.chart;

  /** The desktop console asks where to save (and prints the PDF itself); the browser downloads the HTML and prints the page. */
  async function exportAs(format: 'html' | 'pdf') {
    if (!report || !period) return;
    setSaved(null);
    if (host === 'electron') {
      const result = await desk.api['reports.saveExport']({ period, groupBy, format });
      if (!result.ok) return setSaved({ message: `The report could not be saved: ${result.error.message}`, error: true });
      return setSaved(result.value.savedTo ? { message: `Saved to ${result.value.savedTo}`, error: false } : null);
    }
    if (format === 'pdf') return window.print();
    downloadText(`report-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}.html`, 'text/html', reportHtml(report, tables));
  }

  return (
    <section className="reports print-root" aria-labelledby="reports-heading" ref={section}>
      <h2 id="reports-heading">Reports</h2>
      <form className="report-pickers" onSubmit={(event) => event.preventDefault()}>
        <label>
          Period
          <select value={choice} onChange={(event) => setChoice(event.target.value as PeriodChoice)}>
            {(Object.keys(PERIOD_LABEL) as PeriodChoice[]).map((key) => (
              <option key={key} value={key}>
                {PERIOD_LABEL[key]}
              </option>
            ))}
          </select>
        </label>
        {choice === 'quarter' ? (
          <label>
            Quarter
            <input value={quarter} onChange={(event) => setQuarter(event.target.value)} placeholder="2026-Q4" pattern="\d{4}-Q[1-4]" />
          </label>
        ) : null}
        {choice === 'custom' ? (
          <>
            <label>
              From (days begin 00:00 UTC)
              <DateField value={from} onValueChange={(day) => day !== null && setFrom(day)} />
            </label>
            <label>
              To (not included)
              <DateField value={to} onValueChange={(day) => day !== null && setTo(day)} />
            </label>
          </>
        ) : null}
        <label>
          Group by
          <select value={groupBy} onChange={(event) => setGroupBy(event.target.value as ReportGrouping)}>
            {REPORT_GROUPINGS.map((key) => (
              <option key={key} value={key}>
                {GROUPING_LABEL[key]}
              </option>
            ))}
          </select>
        </label>
        {report ? (
          <span className="report-exports">
            <button type="button" onClick={() => void exportAs('html')}>
              Export HTML
            </button>
            <button type="button" onClick={() => void exportAs('pdf')}>
              {host === 'electron' ? 'Export PDF' : 'Print or save as PDF'}
            </button>
            {saved ? <span role={saved.error ? 'alert' : 'status'}>{saved.message}</span> : null}
          </span>
        ) : null}
      </form>
      {!period ? <p className="empty">Choose the period’s quarter (like 2026-Q4) or both days.</p> : null}
      {state.error ? <p role="alert">{`The report could not be made: ${state.error.message}`}</p> : null}
      {building ? (
        // the numbers change twice a second: a progress bar, not a live region, so a screen reader is not talked over
        <p aria-busy="true" className="report-building">
          {`Making the report: after it starts or an import, the console reads every case first (${building.casesRead.toLocaleString('en-GB')}${
            building.casesTotal === null ? '' : ` of ${building.casesTotal.toLocaleString('en-GB')}`
          } read). The report shows once all are read.`}
          <progress aria-label="Cases read for the report" {...(building.casesTotal === null ? {} : { value: building.casesRead, max: building.casesTotal })} />
        </p>
      ) : !report && (state.loading || state.report) ? (
        <p aria-busy="true">Making the report…</p>
      ) : null}
      {report ? (
        <>
          <p className="report-period" aria-live="polite">
            {/* a report may cover a quarter of another year: its instants carry the year */}
            {`From ${formatDateTime(report.from, { year: true })} to ${formatDateTime(report.to, { year: true })}, as of ${formatDateTime(report.generatedAt, { year: true })}. `}
            {`Feedback: ${report.feedback.count} (mean ${report.feedback.mean === null ? '—' : report.feedback.mean.toFixed(1)}; ${report.feedback.duringResolution} during the case, ${report.feedback.afterResolution} after resolution). `}
            {`Action items: ${report.actionItems.open} open, ${report.actionItems.overdue} overdue; ${report.actionItems.doneByDue} of ${report.actionItems.dueInPeriod} due in the period done by their due date.`}
          </p>
          {WeeklyChart ? <WeeklyChart weekly={report.weekly} /> : <p role="alert">{`The chart could not be loaded: ${chartModule?.error ?? ''}`}</p>}
          {tables.map((table) => (
            <TableView key={table.id} table={table} onOpenCase={(id) => ui.getState().openCase(id)} />
          ))}
        </>
      ) : null}
    </section>
  );
}

/**
 * On paper a table has at most this many columns: a wider one (a grouping's 21 figures) is printed
 * as several tables, one under the other, each with the first column again and the next columns
 * (reports.css), so its headings keep their words whole on a landscape page.
 */
const PRINTED_COLUMNS = 11;

/** The columns of each printed part: the first column, then the others in nearly equal runs. */
function printedParts(columns: number): number[][] {
  if (columns <= PRINTED_COLUMNS) return [Array.from({ length: columns }, (_, index) => index)];
  const others = columns - 1;
  const count = Math.ceil(others / (PRINTED_COLUMNS - 1));
  const size = Math.ceil(others / count);
  return Array.from({ length: count }, (_, part) => [0, ...Array.from({ length: Math.min(size, others - part * size) }, (_, index) => 1 + part * size + index)]);
}

function TableView({ table, onOpenCase }: { table: Table; onOpenCase: (id: string) => void }) {
  const headingId = `report-${table.id}`;
  return (
    <section className="report-table" aria-labelledby={headingId}>
      <header>
        <h3 id={headingId}>{table.title}</h3>
        {/* The name says which table ("Export By severity as CSV") and holds the visible words, as WCAG 2.5.3 asks. */}
        <button type="button" onClick={() => downloadText(`${table.id}.csv`, 'text/csv', tableCsv(table))}>
          {/* the spaces stay outside the hidden words: a name computed from the parts keeps them */}
          Export <span className="visually-hidden">{`${table.title} as`}</span> CSV
        </button>
      </header>
      {table.rows.length === 0 ? (
        <p className="empty">Nothing in this period.</p>
      ) : (
        // A wide table scrolls sideways: its box takes the focus so the arrow keys can scroll it.
        <div className={table.header.length > PRINTED_COLUMNS ? 'report-scroll printed-in-parts' : 'report-scroll'} tabIndex={0} role="region" aria-labelledby={headingId}>
          <ReportGrid table={table} columns={table.header.map((_, index) => index)} labelledBy={headingId} onOpenCase={onOpenCase} />
        </div>
      )}
      {table.rows.length > 0 && table.header.length > PRINTED_COLUMNS ? <PrintedParts table={table} /> : null}
    </section>
  );
}

/** A wide table as it is printed (only on paper: the screen's table scrolls sideways instead). */
function PrintedParts({ table }: { table: Table }) {
  return (
    <div className="report-printed-parts">
      {printedParts(table.header.length).map((columns) => (
        <ReportGrid key={columns.join()} table={table} columns={columns} />
      ))}
    </div>
  );
}

/**
 * The columns `columns` of a table. With `onOpenCase` (on screen), a row of one case opens it from
 * its first cell, a row header; on paper (without it) the first column is the rows' header.
 */
function ReportGrid({ table, columns, labelledBy, onOpenCase }: { table: Table; columns: readonly number[]; labelledBy?: string; onOpenCase?: (id: string) => void }) {
  return (
    <table aria-labelledby={labelledBy}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {table.header[column]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, index) => (
          <tr key={index}>
            {columns.map((column) =>
              column === 0 && onOpenCase && row.caseId ? (
                <th key={column} scope="row">
                  <button type="button" className="link" onClick={() => onOpenCase(row.caseId!)}>
                    {row.shown[column]}
                  </button>
                </th>
              ) : column === 0 && !onOpenCase ? (
                <th key={column} scope="row">
                  {row.shown[column]}
                </th>
              ) : (
                <td key={column}>{row.shown[column]}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
