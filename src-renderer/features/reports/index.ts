export { ReportsView, REPORTS_KEY } from './ReportsView';
export { ManagementView, ManagementVisibility, MANAGEMENT_KEY } from './ManagementView';
