import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { MAX_SERVICE_DESK_FILE_BYTES, SERVICE_DESK_FILES_PATH, type DeskError, type Result, type ServiceDeskFile } from '../../src-shared/contract';
import { formatBytes } from '../core/data/bundle-file';
import type { ChosenFiles } from '../core/import';
import type { HttpRoute } from './http-routes';

export interface ServiceDeskRoutesOptions {
  /** The largest upload kept (default MAX_SERVICE_DESK_FILE_BYTES); the test of the limit passes a small one. */
  readonly maxBytes?: number;
}

class TooLarge extends Error {}

function answer(res: import('node:http').ServerResponse, status: number, result: Result<unknown>): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(result));
}

/**
 * The browser host's way in for a service desk's export: POST data/service-desk-files?name=FILE
 * streams the body into a file of the host's own (never held whole in memory), at most
 * MAX_SERVICE_DESK_FILE_BYTES, and answers its id. The preview and the import then name that id
 * over the request channel, as in Electron. The host has checked the token and the page's origin.
 */
export function serviceDeskRoutes(files: ChosenFiles, options: ServiceDeskRoutesOptions = {}): HttpRoute[] {
  const maxBytes = options.maxBytes ?? MAX_SERVICE_DESK_FILE_BYTES;
  const refusal = (message: string): { ok: false; error: DeskError } => ({ ok: false, error: { code: 'INVALID_INPUT', message } });
  return [
    {
      name: 'a service desk export upload',
      method: 'POST',
      path: SERVICE_DESK_FILES_PATH,
      async handle({ req, res, query, log }) {
        const name = basename(query.get('name') ?? 'export').slice(0, 200) || 'export';
        const declared = Number(req.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes) {
          res.setHeader('Connection', 'close');
          res.on('finish', () => req.destroy());
          return answer(res, 413, refusal(`${name} is ${formatBytes(declared)}, over the limit of ${formatBytes(maxBytes)} for one export file.`));
        }
        const dir = await mkdtemp(join(tmpdir(), 'response-desk-upload-'));
        const path = join(dir, name);
        let received = 0;
        const limit = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            received += chunk.length;
            done(received > maxBytes ? new TooLarge() : null, chunk);
          },
        });
        try {
          await pipeline(req, limit, createWriteStream(path, { mode: 0o600 }));
        } catch (error) {
          await rm(dir, { recursive: true, force: true });
          if (error instanceof TooLarge) {
            res.setHeader('Connection', 'close');
            return answer(res, 413, refusal(`${name} is over the limit of ${formatBytes(maxBytes)} for one export file.`));
          }
          log.warn(`a service desk export upload was cut short (${(error as Error).message})`);
          return answer(res, 400, refusal(`The upload of ${name} was cut short; choose the file again.`));
        }
        const file: ServiceDeskFile = await files.add(path, true, name);
        return answer(res, 200, { ok: true, value: file });
      },
    },
  ];
}
