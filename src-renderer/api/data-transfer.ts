import { MAX_BUNDLE_BYTES, describeBundle, type BundleSummary } from '../../src-shared/bundle';
import { DATA_EXPORT_PATH, DATA_IMPORT_PATH, EXPORT_SUMMARY_HEADER, type DataImported, type DeskError, type Result } from '../../src-shared/contract';
import type { Desk } from './desk';

/**
 * The export and import files of all data. They are too large for the request channel, so each
 * host moves them its own way: Electron's main process asks with its save and open dialogs and
 * streams the file; the browser host serves them over HTTP beside the console.
 */
export interface DataTransfer {
  /** 'page': the page picks the import file (browser); 'host': the host's open dialog does (Electron). */
  readonly picksImportFile: 'page' | 'host';
  /** A sentence saying what was exported, or null when the engineer cancelled. */
  exportAll(): Promise<Result<string | null>>;
  importAll(file?: File): Promise<Result<DataImported | null>>;
}

/** Offers a downloaded file to the browser's downloads. */
export type Download = (fileName: string, content: Blob) => void;

export const browserDownload: Download = (fileName, content) => {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
};

const failure = (message: string): { ok: false; error: DeskError } => ({ ok: false, error: { code: 'INTERNAL', message } });

function fileNameOf(disposition: string | null): string {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? 'response-desk-export.json';
}

/** The host's own error answer (a contract Result), or a sentence about the status. */
async function errorOf(response: Response): Promise<{ ok: false; error: DeskError }> {
  try {
    const body = (await response.json()) as Result<unknown>;
    if (!body.ok) return { ok: false, error: body.error };
  } catch {
    // Not the host's JSON answer (a proxy, a dropped connection): say what status came back.
  }
  return failure(`The console answered ${response.status} ${response.statusText}.`);
}

/** The browser host: GET and POST beside the page's own address, carrying its credential like the page does. */
export function httpDataTransfer(options: { readonly base: string; readonly fetch?: typeof fetch; readonly download?: Download }): DataTransfer {
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  const download = options.download ?? browserDownload;
  // Relative to the page, which the host serves below its token: the address carries the credential.
  const url = (path: string) => new URL(path, options.base).toString();
  return {
    picksImportFile: 'page',
    async exportAll() {
      let response: Response;
      try {
        response = await send(url(DATA_EXPORT_PATH), { credentials: 'same-origin' });
      } catch (error) {
        return failure(`The console could not be reached: ${(error as Error).message}.`);
      }
      if (!response.ok) return errorOf(response);
      const fileName = fileNameOf(response.headers.get('Content-Disposition'));
      const summary = JSON.parse(response.headers.get(EXPORT_SUMMARY_HEADER) ?? 'null') as BundleSummary | null;
      download(fileName, await response.blob());
      return { ok: true, value: summary ? `Exported ${describeBundle(summary)} to ${fileName}.` : `Exported to ${fileName}.` };
    },
    async importAll(file) {
      if (!file) return failure('Choose the export file to import first.');
      if (file.size > MAX_BUNDLE_BYTES) {
        return { ok: false, error: { code: 'INVALID_INPUT', message: `${file.name} is ${Math.round(file.size / 1024 / 1024)} MiB, over the import limit of ${MAX_BUNDLE_BYTES / 1024 / 1024} MiB.` } };
      }
      let response: Response;
      try {
        response = await send(url(DATA_IMPORT_PATH), { method: 'POST', body: file, headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin' });
      } catch (error) {
        return failure(`The console could not be reached: ${(error as Error).message}.`);
      }
      if (!response.ok) return errorOf(response);
      return (await response.json()) as Result<DataImported>;
    },
  };
}

/** Electron: the main process asks where to save and what to open, and reads or writes the file itself. */
export function hostDataTransfer(desk: Desk): DataTransfer {
  return {
    picksImportFile: 'host',
    async exportAll() {
      const result = await desk.api['data.export']({});
      if (!result.ok) return result;
      return { ok: true, value: result.value.kind === 'saved' ? result.value.message : null };
    },
    async importAll() {
      const result = await desk.api['data.import']({});
      if (!result.ok) return result;
      return { ok: true, value: result.value.kind === 'imported' ? result.value : null };
    },
  };
}

/** The Electron preload's dialogs when present, otherwise the browser host's HTTP transfer. */
export function connectDataTransfer(desk: Desk): DataTransfer {
  return window.desk ? hostDataTransfer(desk) : httpDataTransfer({ base: window.location.href });
}
