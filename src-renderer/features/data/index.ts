export { DataSection, browserDownload, type Download } from './DataSection';
