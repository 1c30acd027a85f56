import { z } from 'zod';
import type { BundleSummary } from '../bundle';
import { importSourceSchema, severitySchema } from '../domain';
import { IMPORT_STATUSES, type ImportPreview } from '../import';
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

/**
 * A service desk's export (docs/import.md). The files stay in the main process: Electron's open
 * dialog chooses them (data.chooseServiceDeskFiles), the browser host takes them as uploads
 * (POST SERVICE_DESK_FILES_PATH?name=FILE, at most MAX_SERVICE_DESK_FILE_BYTES each). Either way
 * the page holds only their ids, for the preview and the import.
 */
export const SERVICE_DESK_FILES_PATH = 'data/service-desk-files';
export const MAX_SERVICE_DESK_FILE_BYTES = 1024 * 1024 * 1024;

export interface ServiceDeskFile {
  readonly id: string;
  readonly name: string;
  readonly bytes: number;
}
export type ServiceDeskFilesChosen = { readonly kind: 'chosen'; readonly files: readonly ServiceDeskFile[] } | { readonly kind: 'cancelled' };

export interface ServiceDeskImportDone extends ImportPreview {
  /** The snapshot taken before the data changed; null when nothing had to change. */
  readonly backup: string | null;
  /** "Imported 120 cases (3 skipped, 40 already present); previous data backed up as …" */
  readonly message: string;
}

const nameText = (what: string) => z.string().trim().min(1, `${what} is required`).max(200, `${what} is at most 200 characters`);
export const serviceDeskImportSchema = z
  .object({
    source: importSourceSchema,
    files: z.array(z.string().uuid('a file id is one the console handed out')).min(1, 'choose the export file first').max(10, 'at most 10 files at once'),
    mapping: z
      .object({
        defaultPlan: nameText('the default plan'),
        planRules: z.array(z.object({ customer: nameText('the customer'), plan: nameText('the plan') }).strict()).max(1000).optional(),
        priorities: z.record(nameText('a priority name'), severitySchema).optional(),
        statuses: z.record(nameText('a status name'), z.enum(IMPORT_STATUSES)).optional(),
      })
      .strict(),
    timeZone: z.string().trim().min(1).max(64, 'a time zone name is at most 64 characters').optional(),
  })
  .strict();

export const dataEvents = {
  /** How far the import of a service desk's export is: bytes read, then the write. */
  'data.importProgress': z.object({ phase: z.enum(['reading', 'writing']), done: z.number().nonnegative(), total: z.number().nonnegative() }),
};

export const dataRequests = {
  'data.chooseServiceDeskFiles': request(
    z.object({}).strict(),
    'Electron: ask for the export files of a service desk (Zendesk JSON, Jira CSV); they stay in the main process and the page gets their ids. The browser host uploads them over HTTP instead.',
  ).returns<ServiceDeskFilesChosen>(),
  'data.previewServiceDesk': request(
    serviceDeskImportSchema,
    'Read the chosen export whole and say what importing it would do: counts, the first rows with their mapping, every row that cannot be imported. Writes nothing.',
  ).returns<ImportPreview>(),
  'data.importServiceDesk': request(
    serviceDeskImportSchema,
    'Import the chosen export into the cases (new ones created, ones imported before updated), after a snapshot, atomically; progress comes as data.importProgress.',
  ).returns<ServiceDeskImportDone>(),
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
