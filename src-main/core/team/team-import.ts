import { v7 as uuidv7 } from 'uuid';
import type { CaseRecord } from '../../../src-shared/domain';
import type { CaseStore } from '../ports';
import { Outbox, type PendingCommand } from './outbox';
import { readSyncState } from './team-sync';

/**
 * What an import of cases (a service desk's export) asks of team mode, so that the cases it
 * brings reach the team like any other change: through the outbox, sent when the server is
 * reachable. The sync holds still while the import stages (nothing it pulls may land in the
 * store the staged copy is about to replace); the changes are queued, durably, before the
 * import commits; an import that did not commit has them dropped again.
 */
export interface ImportRecorder {
  hold(): Promise<void>;
  release(): void;
  /**
   * Queues the cases the import created or changed, as staged (`staged`), for the team; each
   * with what it adds to the events the case had before (`changedFrom`: id to that number; the
   * store itself cannot be read while the import holds it). Resolves with the queued command ids.
   */
  imported(source: string, changedFrom: ReadonlyMap<string, number>, staged: (id: string) => Promise<CaseRecord | undefined>): Promise<readonly string[]>;
  /** The import is over: of the queued changes, the ones whose events the store does not hold (it did not commit) are dropped. */
  settle(queued: readonly string[]): Promise<void>;
}

/**
 * What a data import (an export file that replaces all the data) asks of team mode: its cases the
 * team lacks are queued, and the case counter stays on this console's letters, past every number
 * it handed out. Between `hold()` and `settle()` as for an import of cases.
 */
export interface BundleRecorder extends Pick<ImportRecorder, 'hold' | 'release' | 'settle'> {
  replacing(cases: readonly CaseRecord[], counter: CaseCounter, current: CaseCounter | undefined): Promise<{ queued: readonly string[]; counter: CaseCounter }>;
}

export interface CaseCounter {
  readonly prefix: string;
  readonly nextNumber: number;
}

/** The counter after a data import in a team: this console's letters, past every number it or the file used. */
export function teamCounter(prefix: string, cases: readonly CaseRecord[], counter: CaseCounter, current: CaseCounter | undefined): CaseCounter {
  let next = 0;
  if (counter.prefix === prefix) next = counter.nextNumber;
  if (current?.prefix === prefix) next = Math.max(next, current.nextNumber);
  for (const record of cases) {
    if (!record.id.startsWith(`${prefix}-`)) continue;
    const number = Number(record.id.slice(prefix.length + 1));
    if (Number.isInteger(number)) next = Math.max(next, number + 1);
  }
  return { prefix, nextNumber: Math.max(next, counter.nextNumber) };
}

/** Whether the team holds the case (the server confirmed it) or will (a change to it is queued). */
export function sharedWithTeam(confirmed: Readonly<Record<string, number>>, outbox: Pick<Outbox, 'of'>): (id: string) => boolean {
  return (id) => confirmed[id] !== undefined || outbox.of(id).length > 0;
}

/**
 * Runs an import between `hold()` and `release()` of the team's sync (alone, just runs it):
 * `work` gets `queued` to report the outbox entries it made, which `settle` drops again if the
 * import did not commit. A failure of `settle` leaves them to the next start, which does the same.
 */
export async function whileImporting<T>(recorder: Pick<ImportRecorder, 'hold' | 'release' | 'settle'> | undefined, work: (queued: (ids: readonly string[]) => void) => Promise<T>): Promise<T> {
  if (!recorder) return work(() => undefined);
  await recorder.hold();
  let queued: readonly string[] = [];
  try {
    return await work((ids) => {
      queued = ids;
    });
  } finally {
    await recorder.settle(queued).catch(() => undefined);
    recorder.release();
  }
}

/** An outbox entry an import made: facts from another desk, sent as they are, never decided again. */
export interface ImportedCommand {
  readonly type: 'import';
  /** Where the cases came from (zendesk, jsm). */
  readonly source: string;
}

export const isImported = (entry: PendingCommand): entry is PendingCommand & { command: ImportedCommand } => 'type' in entry.command && entry.command.type === 'import';

export interface ImportEntriesDeps {
  /** Whether the team holds the case (or will: its creation is queued). A case that stays on this console (`RD-`, made before joining) is not sent. */
  readonly shared: (id: string) => boolean;
  readonly actor: string;
  readonly at: number;
}

/** The outbox entries for an import's changed cases: a new case is a create, a changed one appends what the import added. */
export async function importEntries(deps: ImportEntriesDeps, source: string, changedFrom: ReadonlyMap<string, number>, staged: (id: string) => Promise<CaseRecord | undefined>): Promise<PendingCommand[]> {
  const entries: PendingCommand[] = [];
  for (const [id, base] of changedFrom) {
    const after = await staged(id);
    if (!after) continue;
    const events = after.events.slice(base);
    if (events.length === 0 || (base > 0 && !deps.shared(id))) continue;
    entries.push({ commandId: uuidv7(), caseId: id, kind: base === 0 ? 'create' : 'act', command: { type: 'import', source }, actor: deps.actor, at: deps.at, baseVersion: base, events });
  }
  return entries;
}

/** Whether the store holds the events an imported entry brings (its import committed). */
export async function importCommitted(store: Pick<CaseStore, 'get'>, entry: PendingCommand): Promise<boolean> {
  const local = await store.get(entry.caseId);
  return local !== undefined && local.events.length >= entry.baseVersion + entry.events.length && JSON.stringify(local.events[entry.baseVersion]) === JSON.stringify(entry.events[0]);
}

/** Of the entries named (all, when none are), drops the imported ones whose events the store does not hold: their import did not commit. */
export async function dropUncommitted(outbox: Outbox, store: Pick<CaseStore, 'get'>, queued?: readonly string[]): Promise<void> {
  const wanted = queued && new Set(queued);
  const drop: string[] = [];
  for (const entry of outbox.list()) {
    if (!isImported(entry) || (wanted && !wanted.has(entry.commandId))) continue;
    if (!(await importCommitted(store, entry))) drop.push(entry.commandId);
  }
  await outbox.change([], drop);
}

/**
 * The import command's side of team mode, on a data folder that joined a team while no console
 * runs there (it holds the folder's lock): the imported cases are queued in the folder's outbox,
 * and the console sends them when it next connects. Undefined for a folder that never joined.
 */
export async function openOfflineImportRecorder(dataDir: string, store: Pick<CaseStore, 'get'>, actor: () => string): Promise<(ImportRecorder & { close(): Promise<void> }) | undefined> {
  const state = await readSyncState(dataDir);
  if (!state) return undefined;
  const outbox = new Outbox(dataDir);
  await outbox.open();
  const shared = sharedWithTeam(state.confirmed, outbox);
  return {
    hold: async () => undefined,
    release: () => undefined,
    async imported(source, changedFrom, staged) {
      const entries = await importEntries({ shared, actor: actor(), at: Date.now() }, source, changedFrom, staged);
      await outbox.addAll(entries);
      return entries.map((entry) => entry.commandId);
    },
    // After a committed import the command's store is closed: `get` fails, the entries stay, as they should.
    settle: (queued) => dropUncommitted(outbox, store, queued),
    close: () => outbox.close(),
  };
}
