import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_BUNDLE_BYTES } from '../../src-shared/bundle';
import { DATA_EXPORT_PATH, DATA_IMPORT_PATH, EXPORT_SUMMARY_HEADER, type DataImported, type DeskError, type ErrorCode, type Result } from '../../src-shared/contract';
import { batched, bundleChunks, tooLarge } from '../core/data/bundle-file';
import type { DataService } from '../core/data/data-service';
import { DeskFailure } from '../core/errors';
import type { HttpRoute } from './http-routes';
import type { HostLog } from './redact';

export interface TransferRoutesOptions {
  /** The largest upload read (default MAX_BUNDLE_BYTES); the test of the limit passes a small one. */
  readonly maxBytes?: number;
}

const STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNKNOWN_REQUEST: 404,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  NOT_ALLOWED: 403,
  CONFLICT: 409,
  STORAGE: 500,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

function answer(res: ServerResponse, status: number, result: Result<unknown>): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(result));
}

/** A refusal as the contract words it; anything else is logged and answered as INTERNAL. */
function fail(res: ServerResponse, error: unknown, what: string, log: HostLog): void {
  if (error instanceof DeskFailure) return answer(res, STATUS[error.code], { ok: false, error: error.toPayload() });
  log.error(`the data ${what} failed`, error);
  const payload: DeskError = { code: 'INTERNAL', message: `The ${what} failed unexpectedly; the console's log has the details.` };
  return answer(res, 500, { ok: false, error: payload });
}

/**
 * The large transfers of the browser host, over HTTP rather than the WebSocket (whose messages
 * are limited to 1 MiB): GET data/export streams the bundle as a download; POST data/import reads
 * an upload of at most MAX_BUNDLE_BYTES (413 past it, by the declared length or while reading)
 * and answers with the contract's Result. The host has checked the token and the page's origin.
 */
export function transferRoutes(data: Pick<DataService, 'collect' | 'importText'>, options: TransferRoutesOptions = {}): HttpRoute[] {
  const maxBytes = options.maxBytes ?? MAX_BUNDLE_BYTES;

  const exportAll = async (res: ServerResponse) => {
    // Everything is read before the first byte goes out, so a refusal is still an answer, not a cut file.
    const { fileName, bundle, summary } = await data.collect();
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      [EXPORT_SUMMARY_HEADER]: JSON.stringify(summary),
    });
    for (const chunk of batched(bundleChunks(bundle), 256 * 1024)) {
      if (res.destroyed) return;
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  };

  /** Answers at once, then closes the connection rather than read the rest. */
  const refuseSize = (req: IncomingMessage, res: ServerResponse, bytes: number | undefined, log: HostLog) => {
    log.warn(`refused a data import of ${bytes ?? `more than ${maxBytes}`} bytes: over the limit`);
    res.setHeader('Connection', 'close');
    res.on('finish', () => req.destroy());
    answer(res, 413, { ok: false, error: tooLarge(bytes, maxBytes).toPayload() });
  };

  const importAll = async (req: IncomingMessage, res: ServerResponse, log: HostLog) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) return refuseSize(req, res, declared, log);
    const chunks: Buffer[] = [];
    let received = 0;
    for await (const chunk of req) {
      const buffer = chunk as Buffer;
      received += buffer.length;
      if (received > maxBytes) return refuseSize(req, res, undefined, log);
      chunks.push(buffer);
    }
    const result: DataImported = await data.importText(Buffer.concat(chunks).toString('utf8'));
    return answer(res, 200, { ok: true, value: result });
  };

  return [
    {
      name: 'the data export',
      method: 'GET',
      path: DATA_EXPORT_PATH,
      handle: ({ res, log }) => exportAll(res).catch((error: unknown) => fail(res, error, 'export', log)),
    },
    {
      name: 'the data import',
      method: 'POST',
      path: DATA_IMPORT_PATH,
      handle: ({ req, res, log }) => importAll(req, res, log).catch((error: unknown) => fail(res, error, 'import', log)),
    },
  ];
}
