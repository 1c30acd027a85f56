import type { Report } from '../reports';
import { reportQuerySchema } from '../reports';
import { request } from './define';

export const reportRequests = {
  'reports.query': request(reportQuerySchema, 'Every report figure for a period and a grouping, from the reports projection (docs/reports.md).').returns<Report>(),
};
