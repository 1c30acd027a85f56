import WebSocket from 'ws';
import type { RequestInput, RequestName, RequestResult, Result } from '../../src-shared/contract';
import type { RunningHost } from './harness';

export interface DeskSocket {
  call<K extends RequestName>(name: K, input: RequestInput<K>): Promise<RequestResult<K>>;
  close(): void;
}

/** The browser host's contract from Node, as the console page speaks it (same origin, token). */
export async function connectSocket(host: RunningHost): Promise<DeskSocket> {
  const origin = `http://127.0.0.1:${host.port}`;
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, { origin });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { type: string; id?: number; result?: Result<unknown> };
    if (message.type === 'result' && message.id !== undefined) pending.get(message.id)?.(message.result!);
  });
  let nextId = 1;
  return {
    call(name, input) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, (result) => {
          pending.delete(id);
          if (result.ok) resolve(result.value as never);
          else reject(new Error(`${name}: ${result.error.code} ${result.error.message}`));
        });
        ws.send(JSON.stringify({ id, name, input }));
      });
    },
    close: () => ws.close(),
  };
}

const ACK = { type: 'acknowledge', checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'Investigating the 502s' } as const;

/** Logs a P1, acknowledges it, adds `notes` notes and resolves it; returns the case id. */
export async function resolvedP1(socket: DeskSocket, notes = 0): Promise<string> {
  const { id } = await socket.call('cases.create', { title: 'Payments API returns 502', customer: 'Acme Bank', plan: 'standard', severity: 'P1' });
  await socket.call('cases.act', { id, command: ACK });
  // sent all at once: the host takes a case's commands in order, and writes them in groups
  await Promise.all(Array.from({ length: notes }, (_, i) => socket.call('cases.act', { id, command: { type: 'addNote', text: `Checked pod ${i + 1}: connection pool at limit` } })));
  await socket.call('cases.act', { id, command: { type: 'resolve', criterion: 'serviceRestored', method: 'bugFix', summary: 'Connection pool resized' } });
  return id;
}
