export { DataSection, browserDownload, type Download } from './DataSection';
export { StorageReport } from './StorageReport';
