export { ImportFileError } from './errors';
export { readJsm, jiraInstant, type JsmOptions } from './jsm';
export { readZendesk } from './zendesk';
export { ServiceDeskImport, originKey, type ImportProgress, type ServiceDeskImportDeps, type ServiceDeskImportRequest, type ServiceDeskImported } from './service-desk-import';
export type { ImportFile, SourceRow } from './source';
export { ChosenFiles } from './chosen-files';
