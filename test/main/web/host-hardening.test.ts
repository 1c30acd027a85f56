import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import WebSocket from 'ws';
import { SOCKET_MAX_MESSAGE_BYTES } from '../../../src-shared/contract/transport';
import { askOverSocket, useMemoryHost } from './memory-host';

const logged: string[] = [];
beforeEach(() => {
  logged.length = 0;
});
const web = useMemoryHost({
  folderPrefix: 'desk-hardening-',
  log: {
    info: (m) => logged.push(m),
    warn: (m) => logged.push(m),
    error: (m, e) => logged.push(`${m} ${e instanceof Error ? e.stack : String(e)}`),
  },
});

const origin = () => `http://127.0.0.1:${web.host.port}`;

function openConsoleSocket(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${web.host.port}/${web.host.token}/ws`, { origin: origin() });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    // The client may see the host's close as an error first; the close event still follows.
    ws.on('error', () => undefined);
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
}

/** A fresh client still gets a real answer: the host survived whatever came before. */
async function expectHostAnswers(): Promise<void> {
  const ws = await openConsoleSocket();
  const result = await askOverSocket(ws, 1, 'cases.create', { title: 'Checkout fails', customer: 'Acme', severity: 'P2' });
  expect(result).toMatchObject({ ok: true, value: { id: expect.stringMatching(/^RD-\d+$/) } });
  ws.close();
  const page = await fetch(`${origin()}/${web.host.token}/`);
  expect(page.status).toBe(200);
}

/** A client frame as RFC 6455 has it: masked, with the given first byte (FIN, RSV, opcode). */
function frame(firstByte: number, payload: Buffer, announcedLength = payload.length): Buffer {
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  let header: Buffer;
  if (announcedLength < 126) header = Buffer.from([firstByte, 0x80 | announcedLength]);
  else {
    header = Buffer.alloc(4);
    header[0] = firstByte;
    header[1] = 0x80 | 126;
    header.writeUInt16BE(announcedLength, 2);
  }
  return Buffer.concat([header, mask, masked]);
}

const TEXT = 0x81;
const rawSocketOf = (ws: WebSocket) => (ws as unknown as { _socket: Socket })._socket;

describe('no client input ends the browser host', () => {
  it(`closes a socket whose message is over ${SOCKET_MAX_MESSAGE_BYTES} bytes with 1009, and goes on answering`, async () => {
    const ws = await openConsoleSocket();
    const end = closed(ws);
    ws.send(JSON.stringify({ id: 1, name: 'cases.create', input: { title: 'x'.repeat(SOCKET_MAX_MESSAGE_BYTES), customer: 'Acme' } }));
    expect((await end).code).toBe(1009);
    expect(logged.join('\n')).toMatch(/closed a console socket: a message over the 1048576 byte limit/);
    await expectHostAnswers();
  });

  it('reads and answers a message just under the limit', async () => {
    const ws = await openConsoleSocket();
    const title = 'x'.repeat(SOCKET_MAX_MESSAGE_BYTES - 200);
    const result = await askOverSocket(ws, 7, 'cases.create', { title, customer: 'Acme' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    ws.close();
  });

  it('closes a socket that sends a binary message with 1003, and goes on answering', async () => {
    const ws = await openConsoleSocket();
    const end = closed(ws);
    ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await end).toEqual({ code: 1003, reason: 'binary messages are not accepted' });
    await expectHostAnswers();
  });

  it('closes a socket that sends garbage JSON, or JSON that is not a request, with 1007', async () => {
    const longName = JSON.stringify({ id: 1, name: 'x'.repeat(5000) });
    for (const garbage of ['{"id":1,"name":', '[]', '{"id":-1,"name":"cases.list"}', 'null', longName]) {
      const ws = await openConsoleSocket();
      const end = closed(ws);
      ws.send(garbage);
      expect((await end).code).toBe(1007);
    }
    await expectHostAnswers();
  });

  it('answers an unknown request name on the same socket, and the socket stays usable', async () => {
    const ws = await openConsoleSocket();
    expect(await askOverSocket(ws, 1, 'cases.dropEverything', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_REQUEST' } });
    expect(await askOverSocket(ws, 3, 'cases.create', { title: 'Checkout fails', customer: 'Acme' })).toMatchObject({ ok: true });
    ws.close();
  });

  it('survives a frame cut off halfway and the client half-closing its side', async () => {
    const ws = await openConsoleSocket();
    const raw = rawSocketOf(ws);
    const cut = frame(TEXT, Buffer.from('{"id":1,"name":"cases.list"}'), 100);
    raw.end(cut);
    await new Promise((resolve) => raw.once('close', resolve));
    await expectHostAnswers();
  });

  it('closes a socket that sends an unmasked frame, reserved bits, a bad opcode or invalid UTF-8', async () => {
    const unmasked = Buffer.concat([Buffer.from([TEXT, 2]), Buffer.from('{}')]);
    const cases: ReadonlyArray<[string, Buffer]> = [
      ['unmasked', unmasked],
      ['reserved bits', frame(0xf1, Buffer.from('{}'))],
      ['bad opcode', frame(0x83, Buffer.from('{}'))],
      ['invalid UTF-8', frame(TEXT, Buffer.from([0xc3, 0x28, 0xff]))],
    ];
    for (const [what, bytes] of cases) {
      const ws = await openConsoleSocket();
      const end = closed(ws);
      rawSocketOf(ws).write(bytes);
      expect([1002, 1007], what).toContain((await end).code);
    }
    await expectHostAnswers();
  });

  it('survives a client that resets its connection in the middle of the handshake and of a request', async () => {
    for (const path of [`/${web.host.token}/ws`, '/ws', `/${web.host.token}/`]) {
      const socket = connect(web.host.port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${web.host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nOrigin: ${origin()}\r\n`);
      socket.resetAndDestroy();
    }
    await expectHostAnswers();
  });

  it('answers HTTP garbage with 400 and a malformed address with 404, and goes on answering', async () => {
    const socket = connect(web.host.port, '127.0.0.1');
    const reply = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.write('\x00\x01 GARBAGE\r\n\r\n');
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await fetch(`${origin()}/${web.host.token}/%E0%A4%A`)).status).toBe(404);
    expect((await fetch(`${origin()}/${web.host.token}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    await expectHostAnswers();
  });
});
