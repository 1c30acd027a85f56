export { ReportsProjection, type ReportsDeps } from './reports-projection';
