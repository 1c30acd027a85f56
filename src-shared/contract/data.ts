import { z } from 'zod';
import { request } from './define';

/**
 * The export file: the browser host hands its content to the page to download; the Electron
 * host asks where to save it and writes it there.
 */
export type DataExport =
  | { readonly kind: 'content'; readonly fileName: string; readonly content: unknown }
  | { readonly kind: 'saved'; readonly path: string }
  | { readonly kind: 'cancelled' };

export interface DataImport {
  readonly imported: number;
  /** The snapshot of the data as it was before the import. */
  readonly backup: string;
}

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
  'data.export': request(z.object({}).strict(), 'Export every case, open and closed, as one JSON file.').returns<DataExport>(),
  'data.import': request(
    z.object({ content: z.unknown() }).strict(),
    'Replace every case with those of an export file; an invalid file changes nothing.',
  ).returns<DataImport>(),
};
