export { ReportsProjection, type ReportsDeps } from './reports-projection';
export { saveReportExport, type ReportExportDeps } from './report-export';
