import { z } from 'zod';
import type { Report } from '../reports';
import { reportPeriodSchema, reportQuerySchema } from '../reports';
import { request } from './define';

/** While the reports projection is built, a report waits for it (never a report over part of the cases); this says how far it got. */
export type ReportsStatus = { readonly building: false } | { readonly building: true; readonly casesRead: number; readonly casesTotal: number | null };

/** The whole report as a file: the HTML export, or that page printed to PDF. */
export const REPORT_FILE_FORMATS = ['html', 'pdf'] as const;

export const reportRequests = {
  'reports.query': request(reportQuerySchema, 'Every report figure for a period and a grouping, from the reports projection (docs/reports.md).').returns<Report>(),
  'reports.status': request(
    z.object({}).strict(),
    'Whether a report now waits for the projection to be built (at start-up or after an import), and how many cases it has read of how many.',
  ).returns<ReportsStatus>(),
  'reports.saveExport': request(
    z.object({ period: reportPeriodSchema, groupBy: reportQuerySchema.shape.groupBy, format: z.enum(REPORT_FILE_FORMATS, { error: 'format is html or pdf' }) }).strict(),
    'Ask where to save, then write the report for the period and grouping as HTML or PDF (desktop console only).',
  ).returns<{ savedTo: string | null }>(),
};
