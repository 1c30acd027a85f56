import { MAX_SERVICE_DESK_FILE_BYTES, SERVICE_DESK_FILES_PATH, type DeskError, type Result, type ServiceDeskFile, type ServiceDeskFilesChosen } from '../../src-shared/contract';
import type { Desk } from './desk';

/**
 * How the export files of a service desk reach the main process: Electron's open dialog there,
 * or uploads to the browser host over HTTP (they reach hundreds of MB). The page gets ids only.
 */
export interface ServiceDeskFiles {
  /** 'page': the page picks the files (browser); 'host': the host's open dialog does (Electron). */
  readonly picks: 'page' | 'host';
  choose(files?: readonly File[]): Promise<Result<ServiceDeskFilesChosen>>;
}

const failure = (message: string): { ok: false; error: DeskError } => ({ ok: false, error: { code: 'INTERNAL', message } });

export function httpServiceDeskFiles(options: { readonly base: string; readonly fetch?: typeof fetch }): ServiceDeskFiles {
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  return {
    picks: 'page',
    async choose(files = []) {
      if (files.length === 0) return { ok: true, value: { kind: 'cancelled' } };
      const chosen: ServiceDeskFile[] = [];
      for (const file of files) {
        if (file.size > MAX_SERVICE_DESK_FILE_BYTES) {
          return { ok: false, error: { code: 'INVALID_INPUT', message: `${file.name} is ${Math.round(file.size / 1024 / 1024)} MiB, over the limit of ${MAX_SERVICE_DESK_FILE_BYTES / 1024 / 1024} MiB for one export file.` } };
        }
        let response: Response;
        try {
          const url = new URL(`${SERVICE_DESK_FILES_PATH}?name=${encodeURIComponent(file.name)}`, options.base).toString();
          response = await send(url, { method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream' }, credentials: 'same-origin' });
        } catch (error) {
          return failure(`The console could not be reached: ${(error as Error).message}.`);
        }
        let body: Result<ServiceDeskFile>;
        try {
          body = (await response.json()) as Result<ServiceDeskFile>;
        } catch {
          return failure(`The console answered ${response.status} ${response.statusText}.`);
        }
        if (!body.ok) return body;
        chosen.push(body.value);
      }
      return { ok: true, value: { kind: 'chosen', files: chosen } };
    },
  };
}

export function hostServiceDeskFiles(desk: Desk): ServiceDeskFiles {
  return { picks: 'host', choose: () => desk.api['data.chooseServiceDeskFiles']({}) };
}

export function connectServiceDeskFiles(desk: Desk): ServiceDeskFiles {
  return window.desk ? hostServiceDeskFiles(desk) : httpServiceDeskFiles({ base: window.location.href });
}
