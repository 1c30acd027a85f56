import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_BUNDLE_BYTES } from '../../src-shared/bundle';
import { DATA_EXPORT_PATH, DATA_IMPORT_PATH, EXPORT_SUMMARY_HEADER, type DeskError, type ErrorCode, type Result } from '../../src-shared/contract';
import type { DataImported } from '../../src-shared/contract';
import { batched, bundleChunks, tooLarge } from '../core/data/bundle-file';
import type { DataService } from '../core/data/data-service';
import { DeskFailure } from '../core/errors';

export interface TransferRoutesOptions {
  readonly data: Pick<DataService, 'collect' | 'importText'>;
  /** The console's own origins: an upload from any other page is refused. */
  readonly isOwnOrigin: (origin: string | undefined) => boolean;
  /** The path the console is served under, ending in '/'. */
  readonly base?: string;
  /** The largest upload read (default MAX_BUNDLE_BYTES); the test of the limit passes a small one. */
  readonly maxBytes?: number;
  /** Headers every answer of the host carries (CSP, nosniff...). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly log: { warn(message: string): void; error(message: string, error: unknown): void };
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
};

/**
 * The large transfers of the browser host, over HTTP rather than the WebSocket (whose frames
 * are limited to 1 MiB): GET data/export streams the bundle as a download, POST data/import
 * reads an upload of at most MAX_BUNDLE_BYTES (413 past it, counted while reading) and answers
 * with the contract's Result. The host checks the token before handing a request here.
 * Returns false for any other path.
 */
export function createTransferRoutes(options: TransferRoutesOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const base = options.base ?? '/';
  const exportPath = `${base}${DATA_EXPORT_PATH}`;
  const importPath = `${base}${DATA_IMPORT_PATH}`;
  const maxBytes = options.maxBytes ?? MAX_BUNDLE_BYTES;

  const answer = (res: ServerResponse, status: number, result: Result<unknown>) => {
    if (res.headersSent) return void res.destroy();
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(result));
  };
  const fail = (res: ServerResponse, error: unknown, what: string) => {
    if (error instanceof DeskFailure) return answer(res, STATUS[error.code], { ok: false, error: error.toPayload() });
    options.log.error(`${what} failed`, error);
    const payload: DeskError = { code: 'INTERNAL', message: `The ${what} failed unexpectedly; the console's log has the details.` };
    return answer(res, 500, { ok: false, error: payload });
  };

  const exportAll = async (req: IncomingMessage, res: ServerResponse) => {
    const { fileName, bundle, summary } = await options.data.collect();
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      [EXPORT_SUMMARY_HEADER]: JSON.stringify(summary),
    });
    if (req.method === 'HEAD') return void res.end();
    for (const chunk of batched(bundleChunks(bundle), 256 * 1024)) {
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      if (res.destroyed) return;
    }
    res.end();
  };

  const importAll = async (req: IncomingMessage, res: ServerResponse) => {
    if (!options.isOwnOrigin(req.headers.origin)) {
      return answer(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'An import is accepted only from the console itself.' } });
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) return refuseSize(req, res, declared);
    const chunks: Buffer[] = [];
    let received = 0;
    for await (const chunk of req) {
      const buffer = chunk as Buffer;
      received += buffer.length;
      if (received > maxBytes) return refuseSize(req, res, undefined);
      chunks.push(buffer);
    }
    const result: DataImported = await options.data.importText(Buffer.concat(chunks).toString('utf8'));
    return answer(res, 200, { ok: true, value: result });
  };

  /** Answers at once, then drops the connection rather than read the rest. */
  const refuseSize = (req: IncomingMessage, res: ServerResponse, bytes: number | undefined) => {
    options.log.warn(`refused an import of ${bytes ?? `more than ${maxBytes}`} bytes: over the limit`);
    const error = tooLarge(bytes, maxBytes);
    res.setHeader('Connection', 'close');
    res.on('finish', () => req.destroy());
    answer(res, 413, { ok: false, error: error.toPayload() });
  };

  return (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname !== exportPath && pathname !== importPath) return false;
    for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
    const method = req.method ?? 'GET';
    const allowed = pathname === exportPath ? ['GET', 'HEAD'] : ['POST'];
    if (!allowed.includes(method)) {
      res.setHeader('Allow', allowed.join(', '));
      answer(res, 405, { ok: false, error: { code: 'NOT_ALLOWED', message: `${pathname} accepts ${allowed.join(' or ')}, not ${method}.` } });
      return true;
    }
    const run = pathname === exportPath ? exportAll(req, res) : importAll(req, res);
    run.catch((error: unknown) => fail(res, error, pathname === exportPath ? 'export' : 'import'));
    return true;
  };
}
