import { CONNECTION_LOST_MESSAGE, RETRY_DELAYS_MS, createSocketClient, socketUrlFor, type ClientTimers, type ConnectionStatus } from '../../src-renderer/api';
import { SOCKET_MAX_MESSAGE_BYTES } from '../../src-shared/contract/transport';

/** A WebSocket the test drives: it opens, answers and closes when told. */
class FakeSocket {
  static made: FakeSocket[] = [];
  readonly sent: string[] = [];
  private readonly listeners = new Map<string, Array<(event: { data?: unknown }) => void>>();
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  addEventListener(type: string, listener: (event: { data?: unknown }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  send(frame: string) {
    this.sent.push(frame);
  }
  fire(type: 'open' | 'close' | 'message', data?: unknown) {
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
  answer(result: unknown) {
    const { id } = JSON.parse(this.sent.at(-1)!) as { id: number };
    this.fire('message', JSON.stringify({ type: 'result', id, result }));
  }
}

/** Timers that run only when the test says so. */
function manualTimers() {
  let now = 1_000_000;
  let next = 1;
  const due = new Map<number, { at: number; run: () => void }>();
  const timers: ClientTimers = {
    now: () => now,
    setTimeout: (run, ms) => {
      const id = next++;
      due.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout: (id) => void due.delete(id as number),
  };
  return {
    timers,
    /** Moves time on by `ms`, running what falls due. */
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...due].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at <= now) {
          due.delete(id);
          timer.run();
        }
      }
    },
  };
}

let clock: ReturnType<typeof manualTimers>;
beforeEach(() => {
  FakeSocket.made = [];
  clock = manualTimers();
});

function client(requestTimeoutMs?: number) {
  const made = createSocketClient({ url: 'ws://127.0.0.1:1/T/ws', WebSocketImpl: FakeSocket as unknown as typeof WebSocket, timers: clock.timers, requestTimeoutMs });
  const statuses: ConnectionStatus[] = [];
  made.connection.subscribe((status) => statuses.push(status));
  return { ...made, statuses, socket: () => FakeSocket.made.at(-1)! };
}

describe('the browser host client', () => {
  it('waits for the first connection, then sends and resolves with the answer', async () => {
    const desk = client();
    const asked = desk.api['cases.list']({});
    desk.socket().fire('open');
    expect(JSON.parse(desk.socket().sent[0]!)).toMatchObject({ name: 'cases.list', input: {} });
    desk.socket().answer({ ok: true, value: [] });
    expect(await asked).toEqual({ ok: true, value: [] });
  });

  it('fails a pending request when the socket closes, instead of leaving it waiting', async () => {
    const desk = client();
    desk.socket().fire('open');
    const asked = desk.api['cases.create']({ title: 'Payments down', customer: 'Acme' });
    desk.socket().fire('close');
    const result = await asked;
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(!result.ok && result.error.message).toMatch(/connection to the console was lost before it answered/);
  });

  it('fails a request made while the connection is lost at once, with a sentence saying so', async () => {
    const desk = client();
    desk.socket().fire('open');
    desk.socket().fire('close');
    const sockets = FakeSocket.made.length;
    expect(await desk.api['cases.list']({})).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: CONNECTION_LOST_MESSAGE } });
    expect(FakeSocket.made).toHaveLength(sockets);
  });

  it('fails a request the host does not answer once its timeout has passed', async () => {
    const desk = client(30_000);
    desk.socket().fire('open');
    const asked = desk.api['cases.list']({});
    clock.advance(29_999);
    let settled = false;
    void asked.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    clock.advance(1);
    expect(await asked).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/did not answer within 30 s/) } });
  });

  it('reports the loss and reconnects with growing waits, then reports the connection back', () => {
    const desk = client();
    desk.socket().fire('open');
    for (let attempt = 1; attempt <= 6; attempt++) {
      desk.socket().fire('close');
      const wait = RETRY_DELAYS_MS[Math.min(attempt - 1, RETRY_DELAYS_MS.length - 1)]!;
      expect(desk.connection.status()).toEqual({ state: 'lost', attempts: attempt, retryAt: clock.timers.now() + wait });
      const before = FakeSocket.made.length;
      clock.advance(wait - 1);
      expect(FakeSocket.made).toHaveLength(before);
      clock.advance(1);
      expect(FakeSocket.made).toHaveLength(before + 1);
      expect(desk.connection.status()).toEqual({ state: 'lost', attempts: attempt, retryAt: null });
    }
    desk.socket().fire('open');
    expect(desk.connection.status()).toEqual({ state: 'open' });
    expect(desk.statuses.map((status) => status.state).at(-1)).toBe('open');
  });

  it('starts the waits again from the shortest after a connection that opened', () => {
    const desk = client();
    desk.socket().fire('open');
    desk.socket().fire('close');
    clock.advance(RETRY_DELAYS_MS[0]);
    desk.socket().fire('close');
    clock.advance(RETRY_DELAYS_MS[1]);
    desk.socket().fire('open');
    desk.socket().fire('close');
    expect(desk.connection.status()).toEqual({ state: 'lost', attempts: 1, retryAt: clock.timers.now() + RETRY_DELAYS_MS[0] });
  });

  it('tries again at once when asked to', () => {
    const desk = client();
    desk.socket().fire('open');
    desk.socket().fire('close');
    const before = FakeSocket.made.length;
    desk.connection.retryNow();
    expect(FakeSocket.made).toHaveLength(before + 1);
    expect(desk.connection.status()).toMatchObject({ state: 'lost', retryAt: null });
    desk.connection.retryNow();
    expect(FakeSocket.made).toHaveLength(before + 1);
  });

  it('refuses a request over the host\'s message limit without sending it', async () => {
    const desk = client();
    desk.socket().fire('open');
    const result = await desk.api['cases.create']({ title: 'x'.repeat(SOCKET_MAX_MESSAGE_BYTES), customer: 'Acme' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/carries at most 1 MiB per request/) } });
    expect(desk.socket().sent).toEqual([]);
    expect(desk.connection.status()).toEqual({ state: 'open' });
  });

  it('hands pushed events to their listeners', () => {
    const desk = client();
    desk.socket().fire('open');
    const heard: unknown[] = [];
    desk.events.on('ui.openCase', (payload) => heard.push(payload));
    desk.socket().fire('message', JSON.stringify({ type: 'event', name: 'ui.openCase', payload: { caseId: 'RD-1001' } }));
    expect(heard).toEqual([{ caseId: 'RD-1001' }]);
  });
});

describe('socketUrlFor', () => {
  it('puts the socket beside the page, below the console path', () => {
    expect(socketUrlFor({ protocol: 'http:', host: '127.0.0.1:4000', pathname: '/abc_-123/' })).toBe('ws://127.0.0.1:4000/abc_-123/ws');
    expect(socketUrlFor({ protocol: 'http:', host: '127.0.0.1:4000', pathname: '/abc/index.html' })).toBe('ws://127.0.0.1:4000/abc/ws');
  });
});
