import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type WebSocket from 'ws';
import { createCore } from '../../../src-main/core/core';
import type { Clock } from '../../../src-main/core/ports';
import { createMemoryCaseStore, createMemoryDocument } from '../../../src-main/core/testing/memory-store';
import { startBrowserHost, type BrowserHost } from '../../../src-main/web/browser-host';
import type { HttpRoute } from '../../../src-main/web/http-routes';
import type { HostLog } from '../../../src-main/web/redact';
import { DEFAULT_SETTINGS } from '../../../src-shared/settings';

const clock: Clock = { now: () => Date.now(), monotonic: () => performance.now(), setTimer: () => ({ id: 0 }), clearTimer: () => {} };

export interface MemoryHostOptions {
  /** Names the test's folder under the system's temporary folder. */
  readonly folderPrefix: string;
  readonly log: HostLog;
  /** The HTTP routes, read at each start (the console's own table when undefined). */
  readonly routes?: () => readonly HttpRoute[] | undefined;
}

/**
 * A browser host for each test, on a port of its own, serving a folder that holds only an index
 * page, over a core on the memory store; closed and its folder removed after the test. Call at
 * the top of the file.
 */
export function useMemoryHost(options: MemoryHostOptions): { readonly host: BrowserHost } {
  let host: BrowserHost | undefined;
  let root: string | undefined;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), options.folderPrefix));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Response Desk</title>');
    const core = await createCore({
      host: 'browser', version: 't', dataDir: root, clock,
      store: createMemoryCaseStore(), settingsFile: createMemoryDocument(DEFAULT_SETTINGS),
    });
    const routes = options.routes?.();
    host = await startBrowserHost({ core, rootDir: root, port: 0, log: options.log, ...(routes ? { routes } : {}) });
  });
  afterEach(async () => {
    await host?.close();
    host = undefined;
    if (root) await rm(root, { recursive: true, force: true });
  });
  return {
    get host() {
      if (!host) throw new Error('the host starts in beforeEach');
      return host;
    },
  };
}

/** One request over the console's socket (`{ id, name, input }`): resolves with the result that names its id. */
export function askOverSocket(ws: WebSocket, id: number, name: string, input: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as { type: string; id?: number; result?: unknown };
      if (message.type === 'result' && message.id === id) {
        ws.off('message', onMessage);
        resolve(message.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, name, input }));
  });
}
