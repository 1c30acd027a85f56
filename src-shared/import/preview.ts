import { SEVERITIES, type ImportSource, type Severity } from '../domain';
import { IMPORT_STATUSES, type ImportStatus, type MappedRow } from './mapping';
import type { ImportProblem } from './ticket';

/** At most this many rows of the mapping and problems travel with a preview. */
export const PREVIEW_ROWS = 20;
export const PREVIEW_PROBLEMS = 200;

/** What an import of a service desk's export does (or did), before anything is written. */
export interface ImportPreview {
  readonly source: ImportSource;
  /** Rows read as tickets, whether they can be imported or not. */
  readonly tickets: number;
  /** New cases. */
  readonly created: number;
  /** Cases imported before that get new comments, a new status or a rating. */
  readonly updated: number;
  /** Cases imported before with nothing new. */
  readonly alreadyPresent: number;
  /** Rows that cannot become a case (each in `problems`). */
  readonly skipped: number;
  /** Of the cases created or updated. */
  readonly bySeverity: Readonly<Record<Severity, number>>;
  readonly byStatus: Readonly<Record<ImportStatus, number>>;
  /** The first rows with their mapping, and the case each becomes or updates. */
  readonly rows: ReadonlyArray<MappedRow & { readonly caseId: string; readonly change: 'create' | 'update' | 'none' }>;
  /** Every row that cannot be imported (the first PREVIEW_PROBLEMS), with where it is and why; comments left out too. */
  readonly problems: readonly ImportProblem[];
  readonly problemCount: number;
  /** The plan given to customers no rule names. */
  readonly defaultPlan: string;
}

export const emptyCounts = () => ({
  bySeverity: Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>,
  byStatus: Object.fromEntries(IMPORT_STATUSES.map((status) => [status, 0])) as Record<ImportStatus, number>,
});

/** "Imported 120 cases (3 skipped, 40 already present)": created and updated cases count as imported. */
export function describeImport(preview: Pick<ImportPreview, 'created' | 'updated' | 'skipped' | 'alreadyPresent'>, dryRun = false): string {
  const n = preview.created + preview.updated;
  return `${dryRun ? 'Would import' : 'Imported'} ${n} ${n === 1 ? 'case' : 'cases'} (${preview.skipped} skipped, ${preview.alreadyPresent} already present)`;
}
