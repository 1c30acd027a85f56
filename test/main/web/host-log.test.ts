import { request as httpRequest } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createCore } from '../../../src-main/core/core';
import type { Clock } from '../../../src-main/core/ports';
import { createMemoryCaseStore, createMemoryDocument } from '../../../src-main/core/testing/memory-store';
import { startBrowserHost, type BrowserHost } from '../../../src-main/web/browser-host';
import { redactSecret } from '../../../src-main/web/redact';
import { DEFAULT_SETTINGS } from '../../../src-shared/settings';

const clock: Clock = { now: () => Date.now(), monotonic: () => performance.now(), setTimer: () => ({ id: 0 }), clearTimer: () => {} };

let host: BrowserHost;
let root: string;
const logged: string[] = [];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'desk-log-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Response Desk</title>');
  const core = await createCore({
    host: 'browser', version: 't', dataDir: root, clock,
    store: createMemoryCaseStore(), settingsFile: createMemoryDocument(DEFAULT_SETTINGS),
  });
  logged.length = 0;
  host = await startBrowserHost({
    core, rootDir: root, port: 0,
    log: {
      info: (m) => logged.push(m),
      warn: (m) => logged.push(m),
      error: (m, e) => logged.push(`${m} ${e instanceof Error ? `${e.message} ${e.stack}` : String(e)}`),
    },
  });
});

afterEach(async () => {
  await host.close();
  await rm(root, { recursive: true, force: true });
});

/** Every percent-escape decoded, byte by byte, so an encoded token shows up as itself. */
function decodedEverywhere(text: string): string {
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function expectNoTokenInLog(): void {
  const text = logged.join('\n');
  expect(text).not.toContain(host.token);
  expect(decodedEverywhere(text)).not.toContain(host.token);
  expect(decodedEverywhere(decodedEverywhere(text))).not.toContain(host.token);
}

const percentEncodedAll = (text: string) => [...text].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).join('');

function rawGet(path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, path, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

describe('the browser host\'s log never holds the token', () => {
  it('logs refused requests by method and kind, whatever the address and headers carry', async () => {
    const t = host.token;
    const attempts: Array<[string, Record<string, string>?]> = [
      [`/?token=bad&token=${t}`],
      [`/?token=${t}&token=bad`],
      [`/?tok%65n=${t}&token=bad`],
      [`/?token=${percentEncodedAll(t)}x`],
      [`/${t}x/`],
      [`/x${t}/index.html`],
      [`/${percentEncodedAll(t)}/`],
      [`/nope/?next=${encodeURIComponent(`http://127.0.0.1/?token=${t}`)}`],
      ['/', { referer: `http://127.0.0.1:${host.port}/?token=${t}` }],
      [`/${t}/`, { host: `${t}.example` }],
      [`/${t}/x`, { host: `evil.example:${percentEncodedAll(t)}` }],
      [`/${t}/ws`, { origin: `http://${t}.example`, upgrade: 'websocket', connection: 'Upgrade', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' }],
    ];
    for (const [path, headers] of attempts) expect(await rawGet(path, headers)).toBeGreaterThanOrEqual(0);
    expect(logged.length).toBeGreaterThanOrEqual(attempts.length - 1);
    expectNoTokenInLog();
  });

  it('does not echo a request name, nor a handler\'s error, that spells the token', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/${host.token}/ws`, { origin: `http://127.0.0.1:${host.port}` });
    await new Promise((resolve) => ws.once('open', resolve));
    const answers = new Promise<void>((resolve) => {
      let count = 0;
      ws.on('message', () => ++count === 3 && resolve());
    });
    ws.send(JSON.stringify({ id: 1, name: host.token }));
    ws.send(JSON.stringify({ id: 2, name: `cases.${percentEncodedAll(host.token).slice(0, 80)}` }));
    ws.send(JSON.stringify({ id: 3, name: 'cases.get', input: { id: host.token } }));
    await answers;
    ws.close();
    expectNoTokenInLog();
  });
});

describe('redactSecret', () => {
  it('replaces the secret written literally, percent-encoded, or partly encoded', () => {
    const secret = 'AbC-123_xyzAbC-123_xyzAbC-123_xy';
    const partly = secret.replace('C', '%43').replace('_', '%5f');
    expect(redactSecret(`a ${secret} b`, secret)).toBe('a [token] b');
    expect(redactSecret(`a /${percentEncodedAll(secret)}/ b`, secret)).toBe('a /[token]/ b');
    expect(redactSecret(`path=${partly}&x`, secret)).toBe('path=[token]&x');
    expect(redactSecret('nothing secret here', secret)).toBe('nothing secret here');
  });
});
