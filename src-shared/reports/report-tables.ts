import type { ReportGrouping } from './query';
import type { DurationStats, GroupRow, Report } from './report';
import { CLOCK_LABEL, LEVEL_LABEL, TRIGGER_LABEL, formatDate, formatDateTime, formatMinutes } from '../words';
import type { ClockKind } from '../sla';

/** One table of the report: its columns say both what is shown and what its CSV holds. */
export type Cell = string | number;
export interface Column<R> {
  readonly label: string;
  /** What the CSV holds (numbers unformatted, minutes as minutes). */
  readonly raw: (row: R) => Cell;
  /** What the screen shows; the raw value when absent. */
  readonly shown?: (row: R) => string;
}
export interface ReportTable<R> {
  readonly id: string;
  readonly title: string;
  readonly columns: ReadonlyArray<Column<R>>;
  readonly rows: readonly R[];
  /** A row that opens a case (the breach list). */
  readonly caseOf?: (row: R) => string;
}

/** A table ready to show and export: every cell worked out once. */
export interface Table {
  readonly id: string;
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<{ readonly raw: readonly Cell[]; readonly shown: readonly string[]; readonly caseId: string | null }>;
}

function materialize<R>(table: ReportTable<R>): Table {
  return {
    id: table.id,
    title: table.title,
    header: table.columns.map((column) => column.label),
    rows: table.rows.map((row) => ({
      raw: table.columns.map((column) => column.raw(row)),
      shown: table.columns.map((column) => (column.shown ? column.shown(row) : String(column.raw(row)))),
      caseId: table.caseOf ? table.caseOf(row) : null,
    })),
  };
}

const minutes = (value: number | null): string => (value === null ? '—' : formatMinutes(Math.round(value)));
const share = (value: number | null): string => (value === null ? '—' : `${Math.round(value * 1000) / 10}%`);
const raw = (value: number | null): Cell => (value === null ? '' : Math.round(value * 100) / 100);

function durationColumns<R>(name: string, of: (row: R) => DurationStats): Column<R>[] {
  return (['wall', 'business'] as const).flatMap((time) =>
    (['mean', 'median', 'p90'] as const).map((stat) => ({
      label: `${name} ${stat === 'p90' ? '90th percentile' : stat} (${time}, minutes)`,
      raw: (row: R) => raw(of(row)[time][stat]),
      shown: (row: R) => minutes(of(row)[time][stat]),
    })),
  );
}

const kindLabel = (key: string) => (key in CLOCK_LABEL ? CLOCK_LABEL[key as ClockKind] : key);

/** What each grouping is called, on the picker, the first table's column and the exports. */
export const GROUPING_LABEL: Readonly<Record<ReportGrouping, string>> = { severity: 'Severity', plan: 'Plan', customer: 'Customer', owner: 'Owner' };

export function reportTables(report: Report, planName: (id: string) => string): Table[] {
  const groupLabel = report.groupBy === 'plan' ? planName : (key: string) => key;
  const groups: ReportTable<GroupRow> = {
    id: 'groups',
    title: `By ${report.groupBy}`,
    rows: [...report.groups, report.overall],
    columns: [
      { label: GROUPING_LABEL[report.groupBy], raw: (row) => (row.key === 'All' ? 'All' : groupLabel(row.key)) },
      { label: 'Created', raw: (row) => row.created },
      { label: 'Resolved', raw: (row) => row.resolved },
      ...durationColumns<GroupRow>('Time to acknowledge', (row) => row.timeToAcknowledge),
      ...durationColumns<GroupRow>('Time to resolve', (row) => row.timeToResolve),
      { label: 'Clocks met', raw: (row) => row.attainment.met },
      { label: 'Clocks judged', raw: (row) => row.attainment.judged },
      { label: 'SLA attainment', raw: (row) => raw(row.attainment.share), shown: (row) => share(row.attainment.share) },
      { label: 'Breaches', raw: (row) => row.breaches },
      { label: 'Escalations', raw: (row) => row.escalations },
      { label: 'Reopen rate', raw: (row) => raw(row.reopenRate), shown: (row) => share(row.reopenRate) },
    ],
  };
  type AttainmentRow = Report['attainment']['byKind'][number];
  const attainment = (id: string, by: string, rows: readonly AttainmentRow[], label: (key: string) => string): ReportTable<AttainmentRow> => ({
    id,
    title: `SLA attainment by ${by.toLowerCase()}`,
    rows,
    columns: [
      { label: by, raw: (row) => label(row.key) },
      { label: 'Met', raw: (row) => row.met },
      { label: 'Judged', raw: (row) => row.judged },
      { label: 'Attainment', raw: (row) => raw(row.share), shown: (row) => share(row.share) },
    ],
  });
  const breaches: ReportTable<Report['breaches'][number]> = {
    id: 'breaches',
    title: 'Breaches',
    rows: report.breaches,
    caseOf: (row) => row.caseId,
    columns: [
      { label: 'Case', raw: (row) => row.caseId },
      { label: 'Title', raw: (row) => row.title },
      { label: 'Clock', raw: (row) => CLOCK_LABEL[row.clock] },
      { label: 'Severity', raw: (row) => row.severity },
      { label: 'Due', raw: (row) => row.dueAt, shown: (row) => formatDateTime(row.dueAt, { year: true }) },
      { label: 'Breached at', raw: (row) => row.breachedAt, shown: (row) => formatDateTime(row.breachedAt, { year: true }) },
      { label: 'Outcome', raw: (row) => (row.outcome === 'metLate' ? 'Met late' : row.outcome === 'stopped' ? 'Stopped' : 'Still open') },
      { label: 'Late by (minutes)', raw: (row) => raw(row.lateMinutes), shown: (row) => minutes(row.lateMinutes) },
    ],
  };
  const escalations: ReportTable<{ what: string; key: string; count: number }> = {
    id: 'escalations',
    title: 'Escalations',
    rows: [
      ...report.escalations.byTrigger.map((row) => ({ what: 'Trigger', key: TRIGGER_LABEL[row.key], count: row.count })),
      ...report.escalations.byLevel.map((row) => ({ what: 'Level', key: LEVEL_LABEL[row.key], count: row.count })),
    ],
    columns: [
      { label: 'By', raw: (row) => row.what },
      { label: 'Trigger or level', raw: (row) => row.key },
      { label: 'Escalations', raw: (row) => row.count },
    ],
  };
  const weekly: ReportTable<Report['weekly'][number]> = {
    id: 'weekly',
    title: 'Created and resolved per week',
    rows: report.weekly,
    columns: [
      { label: 'Week of', raw: (row) => row.week, shown: (row) => formatDate(row.week, { year: true }) },
      ...(['P1', 'P2', 'P3', 'P4'] as const).flatMap((severity) => [
        { label: `Created ${severity}`, raw: (row: Report['weekly'][number]) => row.created[severity] },
        { label: `Resolved ${severity}`, raw: (row: Report['weekly'][number]) => row.resolved[severity] },
      ]),
    ],
  };
  const feedback: ReportTable<Report['feedback']['distribution'][number]> = {
    id: 'feedback',
    title: 'Customer feedback',
    rows: report.feedback.distribution,
    columns: [
      { label: 'Rating', raw: (row) => row.rating },
      { label: 'Responses', raw: (row) => row.count },
    ],
  };
  const comments: ReportTable<Report['feedback']['comments'][number]> = {
    id: 'comments',
    title: 'Feedback comments',
    rows: report.feedback.comments,
    caseOf: (row) => row.caseId,
    columns: [
      { label: 'Case', raw: (row) => row.caseId },
      { label: 'Received', raw: (row) => row.at, shown: (row) => formatDateTime(row.at, { year: true }) },
      { label: 'Rating', raw: (row) => row.rating },
      { label: 'When', raw: (row) => (row.afterResolution ? 'After resolution' : 'During the case') },
      { label: 'Comment', raw: (row) => row.comment },
    ],
  };
  const rootCauses: ReportTable<Report['rootCauses'][number]> = {
    id: 'root-causes',
    title: 'Recurring root causes',
    rows: report.rootCauses,
    columns: [
      { label: 'Root cause', raw: (row) => row.label },
      { label: 'Kind', raw: (row) => (row.kind === 'category' ? 'Category' : 'Tag') },
      { label: 'Reviews', raw: (row) => row.count },
      { label: 'Mean time to resolve (wall, minutes)', raw: (row) => raw(row.timeToResolve.wall.mean), shown: (row) => minutes(row.timeToResolve.wall.mean) },
      { label: 'Mean time to resolve (business, minutes)', raw: (row) => raw(row.timeToResolve.business.mean), shown: (row) => minutes(row.timeToResolve.business.mean) },
      { label: 'Cases', raw: (row) => row.caseIds.join(' ') },
    ],
  };
  const items: ReportTable<Report['actionItems']['overdueItems'][number]> = {
    id: 'action-items',
    title: 'Overdue action items',
    rows: report.actionItems.overdueItems,
    caseOf: (row) => row.caseId,
    columns: [
      { label: 'Case', raw: (row) => row.caseId },
      { label: 'Action item', raw: (row) => row.title },
      { label: 'Owner', raw: (row) => row.owner },
      { label: 'Due', raw: (row) => row.due, shown: (row) => formatDate(row.due, { year: true }) },
    ],
  };
  return [
    materialize(groups),
    materialize(attainment('attainment-kind', 'Clock', report.attainment.byKind, kindLabel)),
    materialize(attainment('attainment-severity', 'Severity', report.attainment.bySeverity, (key) => key)),
    materialize(attainment('attainment-plan', 'Plan', report.attainment.byPlan, planName)),
    materialize(breaches),
    materialize(escalations),
    materialize(weekly),
    materialize(feedback),
    materialize(comments),
    materialize(rootCauses),
    materialize(items),
  ];
}
