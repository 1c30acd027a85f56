import { z } from 'zod';
import type { BundleSummary } from '../bundle';
import { request } from './define';

/**
 * The export and import of all user data (one bundle, src-shared/bundle). The files are large,
 * so they never cross the request channel: the Electron host asks where to save or what to
 * open and streams the file in the main process; the browser host serves them over HTTP
 * (GET DATA_EXPORT_PATH, POST DATA_IMPORT_PATH, relative to the console's address).
 */
export const DATA_EXPORT_PATH = 'data/export';
export const DATA_IMPORT_PATH = 'data/import';
/** The export's counts, as JSON, on the browser host's download (the body is the file itself). */
export const EXPORT_SUMMARY_HEADER = 'X-Response-Desk-Summary';

export interface DataExported {
  readonly kind: 'saved';
  readonly path: string;
  readonly summary: BundleSummary;
  /** "Exported 712 cases, 40 reviews, settings and 3 calendars to …" */
  readonly message: string;
}
export type DataExport = DataExported | { readonly kind: 'cancelled' };

export interface DataImported {
  readonly kind: 'imported';
  readonly summary: BundleSummary;
  /** The snapshot of all the data as it was before the import. */
  readonly backup: string;
  /** "Imported 712 cases, 40 reviews, settings and 3 calendars; previous data backed up as …" */
  readonly message: string;
}
export type DataImport = DataImported | { readonly kind: 'cancelled' };

export interface RestoreRequested {
  readonly file: string;
  readonly backup: string;
  /** The copy is made at the next start, before anything opens the file. */
  readonly restartRequired: true;
}

export const dataRequests = {
  'data.restoreBackup': request(
    z.object({ file: z.string().min(1, 'file is required') }).strict(),
    'Restore a file found corrupt at start-up from its latest backup, at the next start.',
  ).returns<RestoreRequested>(),
  'data.export': request(
    z.object({}).strict(),
    'Electron: ask where to save, then write all the data there as one bundle. The browser host downloads it over HTTP instead.',
  ).returns<DataExport>(),
  'data.import': request(
    z.object({}).strict(),
    'Electron: ask for an export file, check the whole of it, back up, then replace all the data with it. The browser host uploads it over HTTP instead.',
  ).returns<DataImport>(),
};
