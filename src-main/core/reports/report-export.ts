import { reportHtml, reportTables, type ReportQuery } from '../../../src-shared/reports';
import type { Policy } from '../../../src-shared/sla';
import { planNamesOf } from '../../../src-shared/words';
import { DeskFailure } from '../errors';
import type { ReviewExportPort } from '../reviews';
import type { ReportsProjection } from './reports-projection';

export interface ReportExportDeps {
  readonly projection: Pick<ReportsProjection, 'query'>;
  /** The desktop host's save dialog and PDF printer; absent in the browser host. */
  readonly port: ReviewExportPort | undefined;
  readonly policy: () => Policy;
}

/**
 * Desktop only: the report for the period and grouping as the HTML export (the tables as the
 * Reports view shows them), or that page printed to PDF, saved where the engineer chooses.
 * Null when they cancelled.
 */
export async function saveReportExport(deps: ReportExportDeps, query: ReportQuery, format: 'html' | 'pdf'): Promise<{ savedTo: string | null }> {
  const port = deps.port;
  if (!port) throw new DeskFailure('NOT_ALLOWED', 'Saving a report to a file is done by the desktop console; in the browser, Export HTML downloads it and Print makes the PDF.');
  const report = await deps.projection.query(query);
  const html = reportHtml(report, reportTables(report, planNamesOf(deps.policy().plans)));
  const path = await port.chooseSavePath(`report-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}.${format}`, format, 'Save the report');
  if (path === null) return { savedTo: null };
  // the report's tables are wide: its PDF is landscape
  await port.writeFile(path, format === 'pdf' ? await port.printToPdf(html, { landscape: true }) : html);
  return { savedTo: path };
}
