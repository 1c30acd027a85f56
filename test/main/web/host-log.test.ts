import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import { redactSecret } from '../../../src-main/web/redact';
import { useMemoryHost } from './memory-host';

const logged: string[] = [];
beforeEach(() => {
  logged.length = 0;
});
const web = useMemoryHost({
  folderPrefix: 'desk-log-',
  log: {
    info: (m) => logged.push(m),
    warn: (m) => logged.push(m),
    error: (m, e) => logged.push(`${m} ${e instanceof Error ? `${e.message} ${e.stack}` : String(e)}`),
  },
});

/** Every percent-escape decoded, byte by byte, so an encoded token shows up as itself. */
function decodedEverywhere(text: string): string {
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function expectNoTokenInLog(): void {
  const text = logged.join('\n');
  expect(text).not.toContain(web.host.token);
  expect(decodedEverywhere(text)).not.toContain(web.host.token);
  expect(decodedEverywhere(decodedEverywhere(text))).not.toContain(web.host.token);
}

const percentEncodedAll = (text: string) => [...text].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).join('');

function rawGet(path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port: web.host.port, path, headers: { host: `127.0.0.1:${web.host.port}`, ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

describe('the browser host\'s log never holds the token', () => {
  it('logs refused requests by method and kind, whatever the address and headers carry', async () => {
    const t = web.host.token;
    const attempts: Array<[string, Record<string, string>?]> = [
      [`/?token=bad&token=${t}`],
      [`/?token=${t}&token=bad`],
      [`/?tok%65n=${t}&token=bad`],
      [`/?token=${percentEncodedAll(t)}x`],
      [`/${t}x/`],
      [`/x${t}/index.html`],
      [`/${percentEncodedAll(t)}/`],
      [`/nope/?next=${encodeURIComponent(`http://127.0.0.1/?token=${t}`)}`],
      ['/', { referer: `http://127.0.0.1:${web.host.port}/?token=${t}` }],
      [`/${t}/`, { host: `${t}.example` }],
      [`/${t}/x`, { host: `evil.example:${percentEncodedAll(t)}` }],
      [`/${t}/ws`, { origin: `http://${t}.example`, upgrade: 'websocket', connection: 'Upgrade', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' }],
    ];
    for (const [path, headers] of attempts) expect(await rawGet(path, headers)).toBeGreaterThanOrEqual(0);
    expect(logged.length).toBeGreaterThanOrEqual(attempts.length - 1);
    expectNoTokenInLog();
  });

  it('does not echo a request name, nor a handler\'s error, that spells the token', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${web.host.port}/${web.host.token}/ws`, { origin: `http://127.0.0.1:${web.host.port}` });
    await new Promise((resolve) => ws.once('open', resolve));
    const answers = new Promise<void>((resolve) => {
      let count = 0;
      ws.on('message', () => ++count === 3 && resolve());
    });
    ws.send(JSON.stringify({ id: 1, name: web.host.token }));
    ws.send(JSON.stringify({ id: 2, name: `cases.${percentEncodedAll(web.host.token).slice(0, 80)}` }));
    ws.send(JSON.stringify({ id: 3, name: 'cases.get', input: { id: web.host.token } }));
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
