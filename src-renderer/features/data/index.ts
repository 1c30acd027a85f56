export { DataSection } from './DataSection';
export { StorageReport } from './StorageReport';
