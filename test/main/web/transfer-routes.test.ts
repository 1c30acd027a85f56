import { request as httpRequest } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../src-main/core/core';
import { openDataDir } from '../../../src-main/core/data-dir';
import { createManualClock } from '../../../src-main/core/testing/manual-clock';
import { startBrowserHost, type BrowserHost } from '../../../src-main/web/browser-host';
import { transferRoutes } from '../../../src-main/web/transfer-routes';
import type { Bundle } from '../../../src-shared/bundle';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const LIMIT = 4 * 1024 * 1024;
let host: BrowserHost;
let core: Core;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-transfer-host-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Response Desk</title>');
  const clock = createManualClock('2026-11-26T10:00:00.000Z');
  core = await createCore({ host: 'browser', version: 't', dataDir: dir, clock, ...(await openDataDir(dir, clock)), log: silent });
  host = await startBrowserHost({ core, rootDir: dir, port: 0, routes: transferRoutes(core.data, { maxBytes: LIMIT }), log: silent });
});

afterEach(async () => {
  await host.close();
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

const own = () => `http://127.0.0.1:${host.port}`;

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** One HTTP request; `body` as one buffer, or as chunks without a declared length. */
function send(method: string, path: string, options: { headers?: Record<string, string>; body?: Buffer | Buffer[] } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const chunked = Array.isArray(options.body);
    const req = httpRequest(
      `${own()}${path}`,
      { method, headers: { ...(options.body && !chunked ? { 'Content-Length': String((options.body as Buffer).length) } : {}), ...options.headers } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => parts.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (Array.isArray(options.body)) {
      const chunks = options.body;
      const next = (i: number) => {
        if (i >= chunks.length || req.destroyed) return void req.end();
        req.write(chunks[i], () => next(i + 1));
      };
      next(0);
    } else req.end(options.body);
  });
}

const withToken = (path: string) => `/${host.token}${path}`;
const upload = (body: Buffer | Buffer[], origin = own()) => send('POST', withToken('/data/import'), { headers: { Origin: origin, 'Content-Type': 'application/json' }, body });

async function logCases(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await core.handlers['cases.create']({ title: `Case ${i}`, customer: 'Acme', plan: 'standard', severity: 'P3', description: 'x'.repeat(2000), reportedBy: '' });
  }
}

describe('the data export over HTTP', () => {
  it('streams the bundle as a download, with its counts', async () => {
    await logCases(2);
    const answer = await send('GET', withToken('/data/export'));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-disposition']).toBe('attachment; filename="response-desk-export-2026-11-26.json"');
    expect(JSON.parse(String(answer.headers['x-response-desk-summary']))).toEqual({ cases: 2, reviews: 0, calendars: 1, plans: 2 });
    const bundle = JSON.parse(answer.body) as Bundle;
    expect(bundle.cases.map((c) => c.id)).toEqual(['RD-1001', 'RD-1002']);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it('needs the token like every other request', async () => {
    expect((await send('GET', '/data/export')).status).toBe(401);
    expect((await send('GET', '/wrong-token/data/export')).status).toBe(401);
    expect((await send('POST', '/data/import', { headers: { Origin: own() }, body: Buffer.from('{}') })).status).toBe(401);
  });

  it('answers a refusal as the contract does, naming what could not be read', async () => {
    await logCases(1);
    await core.close();
    await writeFile(join(dir, 'active', 'RD-1001.json'), 'not json');
    await host.close();
    const clock = createManualClock('2026-11-26T10:00:00.000Z');
    core = await createCore({ host: 'browser', version: 't', dataDir: dir, clock, ...(await openDataDir(dir, clock)), log: silent });
    host = await startBrowserHost({ core, rootDir: dir, port: 0, log: silent });
    expect(host.url).toContain(host.token);
    const answer = await send('GET', withToken('/data/export'));
    expect(answer.status).toBe(500);
    expect(answer.headers['content-disposition']).toBeUndefined();
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'STORAGE', message: expect.stringContaining('RD-1001.json could not be read') } });
  });
});

describe('the data import over HTTP', () => {
  it('imports 700 cases, more than a WebSocket frame holds, and says what it did', async () => {
    await logCases(1);
    const one = JSON.parse((await send('GET', withToken('/data/export'))).body) as Bundle;
    const [template] = one.cases;
    const cases = Array.from({ length: 700 }, (_, i) => {
      const id = `RD-${1001 + i}`;
      return { id, events: template.events.map((event) => ({ ...event, id: `${id}#${event.seq}` })) };
    });
    const body = Buffer.from(JSON.stringify({ ...one, counter: { prefix: 'RD', nextNumber: 1701 }, cases }));
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const answer = await upload(body);
    expect(answer.status).toBe(200);
    const result = JSON.parse(answer.body) as { ok: true; value: { message: string; backup: string } };
    expect(result).toMatchObject({ ok: true, value: { kind: 'imported', summary: { cases: 700, reviews: 0 } } });
    expect(result.value.message).toBe(`Imported 700 cases, 0 reviews, settings and 1 calendar; previous data backed up as ${result.value.backup}.`);
    expect(core.cases.list()).toHaveLength(700);
  }, 60_000);

  it('refuses an upload over the limit by its declared length, with 413 and the limit named', async () => {
    const answer = await upload(Buffer.alloc(LIMIT + 1, 32));
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'The import file is 4 MiB, over the limit of 4 MiB.' } });
  });

  it('refuses an upload over the limit while reading it when no length is declared, and keeps answering', async () => {
    const chunks = Array.from({ length: 9 }, () => Buffer.alloc(512 * 1024, 32));
    const answer = await upload(chunks);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'The import file is larger than the limit of 4 MiB.' } });
    expect((await send('GET', withToken('/data/export'))).status).toBe(200);
  });

  it('refuses an invalid file with its problems named, changing nothing', async () => {
    await logCases(1);
    const answer = await upload(Buffer.from(JSON.stringify({ format: 'response-desk.bundle', version: 7 })));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'The import file is invalid: version: 7 was written by a newer Response Desk (this one reads up to 1).' } });
    expect(core.cases.list()).toHaveLength(1);
  });

  it('accepts an upload only from the console itself', async () => {
    await logCases(1);
    expect((await upload(Buffer.from('{}'), 'http://127.0.0.1:9')).status).toBe(403);
    expect(core.cases.list()).toHaveLength(1);
  });

  it('answers 405 to a method a path does not take', async () => {
    expect((await send('GET', withToken('/data/import'))).status).toBe(405);
    expect((await send('POST', withToken('/data/export'), { headers: { Origin: own() } })).status).toBe(405);
  });
});
