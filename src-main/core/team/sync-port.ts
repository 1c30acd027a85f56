import type { CaseEvent } from '../../../src-shared/domain';

/**
 * The team server as the sync service sees it: append with the version a command was decided
 * on, pull by the server's global sequence, be told when something new landed. The PostgreSQL
 * adapter (`postgres-server.ts`) is its one implementation; the service never sees SQL.
 */

export interface Workstation {
  /** UUIDv7, made once per data folder. */
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

export interface TeamMember {
  readonly name: string;
  readonly email: string;
}

export interface AppendRequest {
  /** UUIDv7 of the command: an append sent twice (a lost reply) is applied once. */
  readonly commandId: string;
  readonly workstationId: string;
  readonly caseId: string;
  /** `create` logs a new case; `act` appends to one. */
  readonly kind: 'create' | 'act';
  /** The case's version (its number of events) the command was decided on; 0 for a create. */
  readonly baseVersion: number;
  readonly events: readonly CaseEvent[];
}

export type AppendOutcome =
  | { readonly status: 'applied'; readonly version: number }
  /**
   * The case moved on (or, for a create, exists): decide again against the newer state. For a
   * create of a case imported from a service desk whose ticket the team already holds under
   * another key, `heldAs` names that case: it is the same case (one case per ticket).
   */
  | { readonly status: 'conflict'; readonly serverVersion: number; readonly heldAs?: string };

export interface PulledEvent {
  /** The server's global order: catch-up resumes after the last one seen. */
  readonly seq: number;
  readonly caseId: string;
  readonly event: CaseEvent;
}

export interface SharedDocument {
  readonly name: string;
  /** Counts the document's writes: a write names the version it was based on. */
  readonly version: number;
  readonly value: unknown;
  /** The engineer whose console wrote it last, and when (ISO). */
  readonly by: string;
  readonly at: string;
}

export interface SharedPut {
  readonly name: string;
  /** The version the new value was based on; 0 for a document the team does not have yet. */
  readonly baseVersion: number;
  readonly value: unknown;
}

export type SharedPutOutcome =
  | { readonly status: 'applied'; readonly documents: readonly SharedDocument[] }
  /** A document moved on since its base version: nothing was written; here is each one that did, as it stands. */
  | { readonly status: 'conflict'; readonly current: readonly SharedDocument[] };

export interface ServerLink {
  /** Called with the newest global sequence when another append landed (LISTEN/NOTIFY). */
  readonly onPush: (seq: number) => void;
  /** Called with the name of a shared document edited on the server. */
  readonly onShared: (name: string) => void;
  /** The connection broke: every call fails until connect() again. */
  readonly onLost: (error: unknown) => void;
}

export interface TeamServer {
  /** Connects, migrates the schema, starts listening. Rejects when the server is unreachable. */
  connect(link: ServerLink): Promise<void>;
  /** Registers (or updates) the workstation; returns the letters of its case keys. */
  join(workstation: Workstation): Promise<{ prefix: string }>;
  append(request: AppendRequest): Promise<AppendOutcome>;
  /** Events after `afterSeq` in global order, at most `limit`. */
  pull(afterSeq: number, limit: number): Promise<PulledEvent[]>;
  /** One case's whole timeline as the server holds it. */
  caseEvents(caseId: string): Promise<CaseEvent[]>;
  members(): Promise<TeamMember[]>;
  getShared(name: string): Promise<SharedDocument | undefined>;
  /** The name and version of every shared document whose name starts with `prefix` (a catch-up compares them). */
  sharedVersions(prefix: string): Promise<Array<{ readonly name: string; readonly version: number }>>;
  /** Writes the documents, all or none, each only if it is still at its base version. */
  putShared(workstationId: string, puts: readonly SharedPut[]): Promise<SharedPutOutcome>;
  /** Whether this workstation runs the team's automatic facts (a session advisory lock). */
  tryLead(): Promise<boolean>;
  disconnect(): Promise<void>;
}
