import pg from 'pg';
import { caseEventSchema, type CaseEvent } from '../../../src-shared/domain';
import { TEAM_MIGRATIONS, TEAM_SCHEMA_VERSION } from './migrations';
import type { AppendOutcome, AppendRequest, PulledEvent, ServerLink, SharedDocument, SharedPut, SharedPutOutcome, TeamMember, TeamServer, Workstation } from './sync-port';
import { v7 as uuidv7 } from 'uuid';

/** Advisory lock keys (two-int form): class 0x5244 ("RD"), then what is locked. */
const LOCK_CLASS = 0x5244;
const LOCK_MIGRATE = 1;
const LOCK_APPEND = 2;
const LOCK_LEADER = 3;
export const EVENTS_CHANNEL = 'rd_events';
export const SHARED_CHANNEL = 'rd_shared';

export class TeamSchemaError extends Error {}

/** A shared write refused because a document moved on (rolls its transaction back). */
class SharedConflict {
  readonly names: string[] = [];
}

interface SharedRow {
  name: string;
  version: number;
  value: unknown;
  by: string | null;
  at: Date;
}
const SHARED_SELECT = 'SELECT s.name, s.version, s.value, w.name AS by, s.updated_at AS at FROM rd_shared s LEFT JOIN rd_workstations w ON w.id = s.updated_by';
const sharedDocument = (row: SharedRow): SharedDocument => ({ name: row.name, version: row.version, value: row.value, by: row.by ?? 'someone', at: row.at.toISOString() });

export interface PostgresServerOptions {
  /** `postgres://user:password@host:port/db?sslmode=…`; kept in main, never logged. */
  readonly connectionString: string;
  /** How long a connection attempt may take before the server counts as unreachable. */
  readonly connectTimeoutMs?: number;
}

/** Letters for a workstation's case keys: the engineer's initials (never RD, the local default). */
export function prefixCandidates(name: string): string[] {
  const letters = name
    .normalize('NFD')
    .replace(/[^A-Za-z\s]/g, '')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase())
    .join('')
    .slice(0, 3);
  const base = letters.length >= 2 ? letters : `${letters}${'WS'}`.slice(0, 2);
  const out: string[] = base === 'RD' ? [] : [base];
  for (const extra of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') out.push(`${base}${extra}`);
  return out;
}

/**
 * The service desk ticket a case was imported from, as the team knows it (`rd_case_origins`):
 * `[source, external id]` as JSON, the same identity the import finds a case by; null for a
 * case logged in the console.
 */
export function ticketOf(logged: CaseEvent | undefined): string | null {
  if (logged?.type !== 'logged' || !logged.data.origin) return null;
  return JSON.stringify([logged.data.origin.source, logged.data.origin.externalId]);
}

/**
 * The team server on PostgreSQL. Every value reaches SQL as a parameter. Appends are serialized
 * by a transaction-level advisory lock, so the global sequence commits in order and a catch-up
 * "after seq N" never skips an append that commits later with a smaller number.
 */
export function createPostgresServer(options: PostgresServerOptions): TeamServer {
  let pool: pg.Pool | undefined;
  let listener: pg.Client | undefined;
  let leading = false;
  const timeout = options.connectTimeoutMs ?? 3000;
  const config = () => ({ connectionString: options.connectionString, connectionTimeoutMillis: timeout, keepAlive: true, application_name: 'response-desk' });

  const db = () => {
    if (!pool) throw new Error('not connected to the team server');
    return pool;
  };

  async function migrate(client: pg.Client): Promise<void> {
    await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_CLASS, LOCK_MIGRATE]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS rd_schema_migrations (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      const applied = new Set((await client.query<{ version: number }>('SELECT version FROM rd_schema_migrations')).rows.map((row) => row.version));
      const newest = Math.max(0, ...applied);
      if (newest > TEAM_SCHEMA_VERSION) {
        throw new TeamSchemaError(`The team database has schema version ${newest}, newer than this console knows (${TEAM_SCHEMA_VERSION}); update the console.`);
      }
      for (const migration of TEAM_MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          for (const statement of migration.sql) await client.query(statement);
          await client.query('INSERT INTO rd_schema_migrations (version, description) VALUES ($1, $2)', [migration.version, migration.description]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_CLASS, LOCK_MIGRATE]);
    }
  }

  /** `begin` may carry constant statements to run with BEGIN in the same round trip. */
  async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    const client = await db().connect();
    // A connection that breaks while checked out reports here as well as in the query's rejection.
    const ignore = () => undefined;
    client.on('error', ignore);
    let broken = false;
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.off('error', ignore);
      // A broken connection is dropped, not handed to the next append.
      client.release(broken);
    }
  }

  const parseEvent = (value: unknown): CaseEvent => caseEventSchema.parse(value);

  return {
    async connect(link: ServerLink) {
      const client = new pg.Client(config());
      // A broken connection reports here; without a listener node-postgres would end the process.
      client.on('error', (error) => link.onLost(error));
      try {
        await client.connect();
        await migrate(client);
        await client.query(`LISTEN ${EVENTS_CHANNEL}`);
        await client.query(`LISTEN ${SHARED_CHANNEL}`);
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
      client.on('notification', (message) => {
        if (message.channel === EVENTS_CHANNEL) link.onPush(Number(message.payload ?? 0));
        else if (message.channel === SHARED_CHANNEL && message.payload) link.onShared(message.payload);
      });
      client.on('end', () => link.onLost(new Error('the team server closed the connection')));
      const nextPool = new pg.Pool({ ...config(), max: 3, idleTimeoutMillis: 30_000 });
      nextPool.on('error', (error) => link.onLost(error));
      listener = client;
      pool = nextPool;
      leading = false;
    },

    async join(workstation: Workstation) {
      const known = await db().query<{ prefix: string }>('UPDATE rd_workstations SET name = $2, email = $3, seen_at = now() WHERE id = $1 RETURNING prefix', [
        workstation.id,
        workstation.name,
        workstation.email,
      ]);
      if (known.rows[0]) return { prefix: known.rows[0].prefix };
      for (const prefix of prefixCandidates(workstation.name)) {
        const inserted = await db().query<{ prefix: string }>(
          'INSERT INTO rd_workstations (id, prefix, name, email) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING prefix',
          [workstation.id, prefix, workstation.name, workstation.email],
        );
        if (inserted.rows[0]) return { prefix: inserted.rows[0].prefix };
      }
      throw new Error(`no case key letters are left for "${workstation.name}"`);
    },

    async append(request: AppendRequest): Promise<AppendOutcome> {
      // Four round trips, not nine: a change waits on these before it reaches the other consoles.
      // The lock comes with BEGIN (constants only), so the checks read after it.
      return inTransaction(async (client) => {
        const ticket = request.kind === 'create' ? ticketOf(request.events[0]) : null;
        const found = await client.query<{ done: number | null; current: number | null; held: string | null }>(
          `SELECT (SELECT version FROM rd_commands WHERE command_id = $1) AS done, (SELECT version FROM rd_cases WHERE case_id = $2) AS current,
           (SELECT case_id FROM rd_case_origins WHERE origin = $3::jsonb) AS held`,
          [request.commandId, request.caseId, ticket],
        );
        const { done, current, held } = found.rows[0]!;
        if (done !== null) return { status: 'applied', version: done };
        const serverVersion = current ?? 0;
        // One case per service desk ticket: the team holds this one under another key.
        if (held !== null && held !== request.caseId) return { status: 'conflict', serverVersion, heldAs: held };
        if (request.kind === 'create' ? current !== null : serverVersion !== request.baseVersion || serverVersion === 0) {
          return { status: 'conflict', serverVersion };
        }
        const version = request.baseVersion + request.events.length;
        // One statement: the case's row, its events with the next global sequences, the command,
        // and the notification the other consoles pull on (sent at COMMIT).
        const caseRow =
          request.kind === 'create'
            ? 'INSERT INTO rd_cases (case_id, uid, version, created_by) VALUES ($1, $8, $3, $4)'
            : 'UPDATE rd_cases SET version = $3 WHERE case_id = $1';
        await client.query(
          `WITH c AS (${caseRow}),
           e AS (
             INSERT INTO rd_events (case_id, version, uid, command_id, event)
             SELECT $1, (x ->> 'seq')::integer, u, $2, x FROM unnest($5::jsonb[], $6::uuid[]) AS t(x, u)
             RETURNING seq
           ),
           k AS (INSERT INTO rd_commands (command_id, workstation_id, case_id, version) VALUES ($2, $4, $1, $3))${
             request.kind === 'create' ? ',\n           o AS (INSERT INTO rd_case_origins (origin, case_id) SELECT $9::jsonb, $1 WHERE $9::jsonb IS NOT NULL)' : ''
           }
           SELECT pg_notify($7, max(seq)::text) FROM e`,
          [
            request.caseId,
            request.commandId,
            version,
            request.workstationId,
            request.events.map((event) => JSON.stringify(event)),
            request.events.map(() => uuidv7()),
            EVENTS_CHANNEL,
            ...(request.kind === 'create' ? [uuidv7(), ticket] : []),
          ],
        );
        return { status: 'applied', version };
      }, `BEGIN; SELECT pg_advisory_xact_lock(${LOCK_CLASS}, ${LOCK_APPEND})`);
    },

    async pull(afterSeq: number, limit: number): Promise<PulledEvent[]> {
      const rows = await db().query<{ seq: string; case_id: string; event: unknown }>('SELECT seq, case_id, event FROM rd_events WHERE seq > $1 ORDER BY seq LIMIT $2', [afterSeq, limit]);
      return rows.rows.map((row) => ({ seq: Number(row.seq), caseId: row.case_id, event: parseEvent(row.event) }));
    },

    async caseEvents(caseId: string) {
      const rows = await db().query<{ event: unknown }>('SELECT event FROM rd_events WHERE case_id = $1 ORDER BY version', [caseId]);
      return rows.rows.map((row) => parseEvent(row.event));
    },

    async members(): Promise<TeamMember[]> {
      const rows = await db().query<TeamMember>('SELECT DISTINCT name, email FROM rd_workstations ORDER BY name, email');
      return rows.rows;
    },

    async getShared(name: string): Promise<SharedDocument | undefined> {
      const rows = await db().query<SharedRow>(`${SHARED_SELECT} WHERE s.name = $1`, [name]);
      return rows.rows[0] ? sharedDocument(rows.rows[0]) : undefined;
    },

    async sharedVersions(prefix: string) {
      // The prefix is matched as text, never as a LIKE pattern: its characters are the caller's.
      const rows = await db().query<{ name: string; version: number }>('SELECT name, version FROM rd_shared WHERE left(name, length($1)) = $1 ORDER BY name', [prefix]);
      return rows.rows;
    },

    async putShared(workstationId: string, puts: readonly SharedPut[]): Promise<SharedPutOutcome> {
      const refused = new SharedConflict();
      try {
        return await inTransaction(async (client) => {
          const names: string[] = [];
          // One order of rows for every writer, so two writes of the same documents never deadlock.
          for (const put of [...puts].sort((a, b) => a.name.localeCompare(b.name))) {
            const written =
              put.baseVersion === 0
                ? await client.query('INSERT INTO rd_shared (name, version, value, updated_by) VALUES ($1, 1, $2, $3) ON CONFLICT (name) DO NOTHING', [put.name, JSON.stringify(put.value), workstationId])
                : await client.query('UPDATE rd_shared SET version = version + 1, value = $3, updated_by = $4, updated_at = now() WHERE name = $1 AND version = $2', [
                    put.name,
                    put.baseVersion,
                    JSON.stringify(put.value),
                    workstationId,
                  ]);
            if (written.rowCount !== 1) refused.names.push(put.name);
            names.push(put.name);
          }
          // Nothing is written when one document moved on: the transaction is rolled back.
          if (refused.names.length > 0) throw refused;
          for (const name of names) await client.query('SELECT pg_notify($1, $2)', [SHARED_CHANNEL, name]);
          const rows = await client.query<SharedRow>(`${SHARED_SELECT} WHERE s.name = ANY($1::text[]) ORDER BY s.name`, [names]);
          return { status: 'applied', documents: rows.rows.map(sharedDocument) };
        });
      } catch (error) {
        if (error !== refused) throw error;
        const rows = await db().query<SharedRow>(`${SHARED_SELECT} WHERE s.name = ANY($1::text[]) ORDER BY s.name`, [refused.names]);
        return { status: 'conflict', current: rows.rows.map(sharedDocument) };
      }
    },

    async tryLead() {
      if (!listener) return false;
      if (leading) return true;
      const got = await listener.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS got', [LOCK_CLASS, LOCK_LEADER]);
      leading = got.rows[0]?.got === true;
      return leading;
    },

    async disconnect() {
      const [client, oldPool] = [listener, pool];
      listener = undefined;
      pool = undefined;
      leading = false;
      client?.removeAllListeners('end');
      client?.removeAllListeners('notification');
      await Promise.allSettled([client?.end(), oldPool?.end()]);
    },
  };
}
