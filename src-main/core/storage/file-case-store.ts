import { mkdir, readdir, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { Low } from 'lowdb';
import { MAX_CASE_NUMBER, type CaseEvent, type CaseRecord, type CaseSummary } from '../../../src-shared/domain';
import type { AfterStaging, CaseImportReader, CaseImportStaging, CaseSet, CaseStore, Clock, Replacement, StagedWork, StoreOpenReport } from '../ports';
import { dayName, latestBackupOf, snapshot, snapshotIfDue } from './backups';
import type { z } from 'zod';
import { openDocument, type CorruptFile, type OpenedDocument } from './document';
import { fileTimestamp, setAside } from './set-aside';
import { isTempFileName } from './durable-file';
import { nodeDurableFs } from './durable-fs';
import { Journal } from './journal';
import type { JournalFs } from './journal-fs';
import { JournaledJsonFile } from './journaled-file';
import { StorageDamageError, StoreError } from './errors';
import { History, type OpenDoc } from './history';
import { verifyDataDir, type IntegrityReport } from './integrity';
import {
  ACTIVE_DIR,
  ACTIVE_VERSION,
  activeCaseSchema,
  activeFile,
  caseNumber,
  HISTORY_DIR,
  emptyIndex,
  emptyMeta,
  INDEX_DIR,
  indexSchema,
  INDEX_VERSION,
  META_FILE,
  metaMigrations,
  indexMigrations,
  metaSchema,
  META_VERSION,
  type ActiveCaseDocument,
  type MetaDocument,
} from './layout';
import { KeyedQueue } from '../keyed-queue';
import { Gate } from './locks';
import { checkAppend, checkRecord, closedAt, wasEverClosed } from './timeline';
import { CaseStaging } from './case-staging';
import { commitImport, finishImport, stageImport } from './transfer';

export interface FileCaseStoreOptions {
  readonly dir: string;
  /** Only `now` is read: names of backups and moved-aside files. */
  readonly clock?: Pick<Clock, 'now'>;
  /** Daily snapshots kept (default 7). */
  readonly keepBackups?: number;
  /** Closed cases per history partition file (default 100, ~0.5 MB). */
  readonly partitionSize?: number;
  /** History partitions and index shards kept in memory (default 8 each). */
  readonly historyCacheSize?: number;
  /** Journal bytes after which the open cases' files are brought up to date (default 4 MiB). */
  readonly journalLimitBytes?: number;
  /** A background checkpoint failed; its journal is kept and the checkpoint retried. */
  readonly onBackgroundError?: (error: unknown) => void;
  /** The journal's file-system calls (tests make them fail: a full disk). */
  readonly journalFs?: JournalFs;
}

export interface FileCaseStore extends CaseStore {
  /** What open() found, plus files found corrupt later when history was read lazily. */
  report(): StoreOpenReport;
  /** Damage found after open(), each file once, as it is found. */
  onDamage(listener: (problem: CorruptFile) => void): () => void;
  /** Re-reads every file on disk and checks it and the cross-file invariants. */
  verify(): Promise<IntegrityReport>;
  /** Makes today's snapshot in backups/YYYY-MM-DD/ unless it exists; prunes old ones. */
  /** `keep` overrides the count given at creation (settings may change it while running). */
  snapshotIfDue(now?: number, keep?: number): Promise<string | undefined>;
  /** Every case, open and closed, by case number, and the id counter: read whole or not at all. */
  exportCases(): Promise<CaseSet>;
  /**
   * Replaces the whole data directory (cases and the documents given) after a snapshot of the
   * current data, which it returns. Crash-safe: staged, committed, then swapped.
   */
  replaceAll(replacement: Replacement): Promise<{ backup: string }>;
  /** The cases as an import's preview reads them: every case once (a partition at a time), and one by id. */
  caseReader(): CaseImportReader;
  remove(id: string): Promise<void>;
  /** An import of many cases into a staged copy, committed atomically after a snapshot, or dropped (docs/import.md). */
  stageCases<T>(work: (staging: CaseImportStaging) => Promise<StagedWork<T>>, onCommit?: (done: number, total: number) => void, then?: AfterStaging): Promise<{ backup: string | null; value: T }>;
}

const systemClock: Pick<Clock, 'now'> = { now: () => Date.now() };
const HISTORY_LOCK = 'history';
const META_LOCK = 'meta';

export function createFileCaseStore(options: FileCaseStoreOptions): FileCaseStore {
  return new FileStore(options);
}

class FileStore implements FileCaseStore {
  readonly #dir: string;
  readonly #clock: Pick<Clock, 'now'>;
  readonly #keepBackups: number;
  readonly #partitionSize: number;
  readonly #cacheSize: number;
  readonly #journalLimit: number | undefined;
  readonly #onBackgroundError: (error: unknown) => void;
  readonly #journalFs: JournalFs | undefined;
  readonly #locks = new KeyedQueue();
  readonly #gate = new Gate();
  readonly #active = new Map<string, Low<ActiveCaseDocument>>();
  #corrupt: CorruptFile[] = [];
  readonly #damageListeners = new Set<(problem: CorruptFile) => void>();
  #migrated: string[] = [];
  #meta: Low<MetaDocument> | undefined;
  #history: History | undefined;
  #journal: Journal | undefined;
  #state: 'new' | 'open' | 'closed' = 'new';

  constructor(options: FileCaseStoreOptions) {
    this.#dir = options.dir;
    this.#clock = options.clock ?? systemClock;
    this.#keepBackups = options.keepBackups ?? 7;
    this.#partitionSize = options.partitionSize ?? 100;
    this.#cacheSize = options.historyCacheSize ?? 8;
    this.#journalLimit = options.journalLimitBytes;
    this.#onBackgroundError = options.onBackgroundError ?? (() => undefined);
    this.#journalFs = options.journalFs;
  }

  async open(): Promise<StoreOpenReport> {
    if (this.#state !== 'new') throw new StoreError('STORE_CLOSED', 'The case store can be opened only once; create a new one.');
    await this.#gate.exclusive(async () => {
      await mkdir(path.join(this.#dir, ACTIVE_DIR), { recursive: true });
      // Before any data file is read: what the last run journaled lands in its files first.
      const { journal, corrupt } = await Journal.open({
        dir: this.#dir,
        limitBytes: this.#journalLimit,
        now: () => this.#clock.now(),
        onCheckpointError: this.#onBackgroundError,
        ...(this.#journalFs ? { fs: this.#journalFs } : {}),
      });
      this.#journal = journal;
      this.#corrupt.push(...corrupt);
      await finishImport(this.#dir);
      await this.#load();
      this.#state = 'open';
    });
    return this.report();
  }

  report(): StoreOpenReport {
    return { corrupt: [...this.#corrupt], migrated: [...this.#migrated] };
  }

  onDamage(listener: (problem: CorruptFile) => void): () => void {
    this.#damageListeners.add(listener);
    return () => this.#damageListeners.delete(listener);
  }

  openCases(): readonly CaseRecord[] {
    return [...this.#active.values()].map((doc) => doc.data.case);
  }

  openCase(id: string): CaseRecord | undefined {
    return this.#active.get(id)?.data.case;
  }

  get(id: string): Promise<CaseRecord | undefined> {
    return this.#shared(async () => this.#active.get(id)?.data.case ?? this.#locks.run(HISTORY_LOCK, () => this.#hist.read(id)));
  }

  history(query: { limit: number; offset?: number }): Promise<{ total: number; cases: CaseRecord[] }> {
    return this.#shared(() => this.#locks.run(HISTORY_LOCK, () => this.#hist.page(query.limit, query.offset ?? 0)));
  }

  /** Shard by shard, each under the history lock, so closing a case never waits for the whole list. */
  closedSummaries(): Promise<CaseSummary[]> {
    return this.#shared(async () => {
      const shards = (await readdir(path.join(this.#dir, INDEX_DIR))).filter((name) => /^[A-Z]+-\d+\.json$/.test(name));
      const out: CaseSummary[] = [];
      for (const name of shards) out.push(...(await this.#locks.run(HISTORY_LOCK, () => this.#hist.summariesOf(name.slice(0, -'.json'.length)))));
      return out;
    });
  }

  nextCaseId(): Promise<string> {
    return this.#shared(() =>
      this.#locks.run(META_LOCK, async () => {
        const meta = this.#metaDoc;
        const previous = meta.data;
        if (previous.nextNumber > MAX_CASE_NUMBER) {
          throw new StoreError('CASE_NUMBERS_EXHAUSTED', `No case number is left: ${previous.prefix}-${MAX_CASE_NUMBER} was the last one, and ids are never reused.`);
        }
        meta.data = { ...previous, nextNumber: previous.nextNumber + 1 };
        await writeOrRevert(meta, previous);
        return `${previous.prefix}-${previous.nextNumber}`;
      }),
    );
  }

  async create(candidate: CaseRecord): Promise<void> {
    const record = checkRecord(candidate);
    await this.#shared(() =>
      this.#locks.run(`case:${record.id}`, async () => {
        const exists = this.#active.has(record.id) || (await this.#locks.run(HISTORY_LOCK, () => this.#hist.locate(record.id)));
        if (exists) throw new StoreError('CASE_EXISTS', `Case ${record.id} already exists; ids are never reused.`);
        await this.#reserveNumber(caseNumber(record.id));
        // Even a case created closed passes through the open cases: history is only ever
        // written while an active file exists to finish the move after a crash.
        await this.#writeActive(record);
        const at = closedAt(record);
        if (at !== undefined) await this.#moveToHistory(record, at);
      }),
    );
  }

  append(id: string, events: readonly CaseEvent[]): Promise<CaseRecord> {
    return this.#shared(() =>
      this.#locks.run(`case:${id}`, async () => {
        const doc = this.#active.get(id);
        if (doc) return this.#appendOpen(doc, events);
        return this.#locks.run(HISTORY_LOCK, async () => {
          const record = await this.#hist.read(id);
          if (!record) throw new StoreError('CASE_NOT_FOUND', `Case ${id} does not exist, open or closed.`);
          const next = { id, events: [...record.events, ...checkAppend(id, record.events.length, events)] };
          const at = closedAt(next);
          if (at !== undefined) {
            await this.#hist.put(next, at);
          } else {
            // Reopened: the destination first, so a crash leaves the case in both (resolved at open), never in neither.
            await this.#writeActive(next);
            await this.#hist.remove(id);
          }
          return next;
        });
      }),
    );
  }

  /**
   * Puts a case's whole timeline in place of the one stored (team mode: the server's order,
   * with the workstation's pending commands decided again on top). Moves it between the open
   * cases and history as its new state says; a case not known here is added.
   */
  replace(candidate: CaseRecord): Promise<CaseRecord> {
    const record = checkRecord(candidate);
    return this.#shared(() =>
      this.#locks.run(`case:${record.id}`, async () => {
        const at = closedAt(record);
        const doc = this.#active.get(record.id);
        if (doc) {
          const previous = doc.data;
          doc.data = { ...previous, case: record };
          await writeOrRevert(doc, previous);
          if (at !== undefined) await this.#moveToHistory(record, at);
          return record;
        }
        await this.#locks.run(HISTORY_LOCK, async () => {
          const inHistory = await this.#hist.locate(record.id);
          if (inHistory && at !== undefined) return this.#hist.put(record, at);
          // Open now (or new here): the active file first, so a crash leaves it in both places, never in neither.
          await this.#writeActive(record);
          if (inHistory) await this.#hist.remove(record.id);
        });
        if (at !== undefined) await this.#moveToHistory(record, at);
        return record;
      }),
    );
  }

  /** Takes a case away, open or closed (team mode: merged into the team's case of the same ticket). Unknown: nothing to do. */
  remove(id: string): Promise<void> {
    return this.#shared(() =>
      this.#locks.run(`case:${id}`, async () => {
        if (this.#active.has(id)) {
          await this.#removeActive(id);
          this.#active.delete(id);
          return;
        }
        await this.#locks.run(HISTORY_LOCK, () => this.#hist.remove(id));
      }),
    );
  }

  /** The letters of the case ids this store hands out from now on (team mode: the workstation's own). */
  setPrefix(prefix: string): Promise<void> {
    return this.#shared(() =>
      this.#locks.run(META_LOCK, async () => {
        const meta = this.#metaDoc;
        const previous = meta.data;
        if (previous.prefix === prefix) return;
        meta.data = { ...previous, prefix };
        await writeOrRevert(meta, previous);
      }),
    );
  }

  async close(): Promise<void> {
    if (this.#state === 'closed') return;
    await this.#gate.exclusive(async () => {
      this.#state = 'closed';
      await this.#journal?.close();
    });
  }

  verify(): Promise<IntegrityReport> {
    return this.#exclusive(async () => {
      await this.#journaled.checkpoint();
      return verifyDataDir(this.#dir);
    });
  }

  snapshotIfDue(now = this.#clock.now(), keep = this.#keepBackups): Promise<string | undefined> {
    return this.#exclusive(async () => {
      await this.#journaled.checkpoint();
      return snapshotIfDue(this.#dir, now, keep);
    });
  }

  exportCases(): Promise<CaseSet> {
    return this.#exclusive(async () => {
      const cases = [...this.openCases(), ...(await this.#allClosed())].sort((a, b) => caseNumber(a.id) - caseNumber(b.id));
      return { prefix: this.#metaDoc.data.prefix, nextNumber: this.#metaDoc.data.nextNumber, cases };
    });
  }

  replaceAll(replacement: Replacement): Promise<{ backup: string }> {
    return this.#exclusive(async () => {
      const now = this.#clock.now();
      // The snapshot and the swap work on files: bring them up to date and empty the journal first.
      await this.#journaled.checkpoint();
      const backup = await snapshot(this.#dir, `${dayName(now)}-before-import-${fileTimestamp(now)}`);
      await stageImport(this.#dir, replacement, this.#partitionSize, now);
      await finishImport(this.#dir);
      await this.#load();
      return { backup };
    });
  }

  caseReader(): CaseImportReader {
    const meta = this.#metaDoc.data;
    return {
      prefix: meta.prefix,
      nextNumber: meta.nextNumber,
      eachCase: (visit) =>
        this.#shared(async () => {
          for (const record of this.openCases()) visit(record);
          for (const key of await this.#locks.run(HISTORY_LOCK, () => this.#hist.partitionKeys())) {
            for (const record of await this.#locks.run(HISTORY_LOCK, () => this.#hist.partitionCases(key))) visit(record);
          }
        }),
      get: (id) => this.get(id),
    };
  }

  stageCases<T>(work: (staging: CaseImportStaging) => Promise<StagedWork<T>>, onCommit?: (done: number, total: number) => void, then: AfterStaging = 'reload'): Promise<{ backup: string | null; value: T }> {
    return this.#exclusive(async () => {
      // The copy links the files: bring them up to date and empty the journal first.
      await this.#journaled.checkpoint();
      const staging = await CaseStaging.begin(this.#dir, this.#metaDoc.data, this.#partitionSize, this.#active.keys());
      const now = this.#clock.now();
      let decided: StagedWork<T>;
      let backup: string;
      try {
        decided = await work(staging);
        if (!decided.commit) {
          await staging.discard();
          return { backup: null, value: decided.value };
        }
        await staging.finish(decided.commit.nextNumber, onCommit);
        backup = await snapshot(this.#dir, `${dayName(now)}-before-import-${fileTimestamp(now)}`);
      } catch (error) {
        await staging.discard();
        throw error;
      }
      await commitImport(this.#dir, now);
      await finishImport(this.#dir);
      if (then === 'close') {
        // The caller ends now: reading every open case again would only raise its peak memory.
        this.#state = 'closed';
        this.#active.clear();
        await this.#journal?.close();
      } else await this.#load();
      return { backup, value: decided.value };
    });
  }

  /** Reads meta and the open cases (never history partitions) and finishes interrupted moves. */
  async #load(): Promise<void> {
    this.#active.clear();
    this.#history = new History(this.#openHistoryDoc, {
      partitionSize: this.#partitionSize,
      cacheSize: this.#cacheSize,
      partitionKeysOnDisk: async () => (await readdir(path.join(this.#dir, HISTORY_DIR))).flatMap((name) => /^(\d{4}-\d{2}\.\d{3})\.json$/.exec(name)?.[1] ?? []).sort(),
      onSummaryRebuilt: (problem) => this.#damage(problem),
    });
    await mkdir(path.join(this.#dir, ACTIVE_DIR), { recursive: true });
    await mkdir(path.join(this.#dir, INDEX_DIR), { recursive: true });
    this.#meta = await this.#openDoc(META_FILE, metaSchema, META_VERSION, emptyMeta);

    // Temp files of writes a crash interrupted: never data (the rename did not happen).
    for (const sub of [ACTIVE_DIR, HISTORY_DIR, INDEX_DIR]) {
      const names = await readdir(path.join(this.#dir, sub));
      for (const name of names.filter(isTempFileName)) await rm(path.join(this.#dir, sub, name), { force: true });
    }
    const names = await readdir(path.join(this.#dir, ACTIVE_DIR));
    const docs: Array<Low<ActiveCaseDocument>> = [];
    const queue = names.filter((name) => name.endsWith('.json') && !name.startsWith('.'));
    const worker = async () => {
      for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
        const file = path.join(ACTIVE_DIR, name);
        const { db } = await this.#openTracked<ActiveCaseDocument>(file, activeCaseSchema, ACTIVE_VERSION);
        if (!db) continue;
        // A file holds the case it is named after: another id would hide that case and take its writes.
        const named = name.slice(0, -'.json'.length);
        if (db.data.case.id === named) docs.push(db);
        else await this.#setAside(file, `holds case ${db.data.case.id}, not ${named}`);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));

    let highest = 0;
    for (const doc of docs) {
      const record = doc.data.case;
      highest = Math.max(highest, caseNumber(record.id));
      if (await this.#settleMove(record)) this.#active.set(record.id, doc);
    }
    await this.#reserveNumber(Math.max(highest, await this.#highestClosedNumber()));
  }

  /**
   * A case in both active and history is a move cut short by a crash: the copy with more
   * events wins (on a tie, the one its state points to) and the move is finished.
   * Returns whether the case stays open.
   */
  async #settleMove(record: CaseRecord): Promise<boolean> {
    const at = closedAt(record);
    if (at === undefined && !wasEverClosed(record)) return true;
    return this.#locks.run(HISTORY_LOCK, async () => {
      const entry = await this.#hist.locate(record.id);
      // A history copy in a damaged partition is reported there; the active copy is what is left.
      const stored = entry ? await this.#hist.read(record.id).catch(unlessDamage) : undefined;
      const historyWins = stored !== undefined && (stored.events.length > record.events.length || (stored.events.length === record.events.length && at !== undefined));
      const winner = historyWins ? stored : record;
      const winnerClosedAt = closedAt(winner);
      if (winnerClosedAt !== undefined) {
        // Put again even when history already has it: repairs a summary count the crash left behind.
        await this.#hist.put(winner, winnerClosedAt);
        await this.#removeActive(record.id);
        return false;
      }
      // Also clears an index entry whose partition no longer holds the case (a removal cut short).
      if (entry) await this.#hist.remove(record.id);
      return true;
    });
  }

  async #appendOpen(doc: Low<ActiveCaseDocument>, events: readonly CaseEvent[]): Promise<CaseRecord> {
    const previous = doc.data;
    const record = previous.case;
    const next = { id: record.id, events: [...record.events, ...checkAppend(record.id, record.events.length, events)] };
    doc.data = { ...previous, case: next };
    await writeOrRevert(doc, previous);
    const at = closedAt(next);
    if (at !== undefined) await this.#moveToHistory(next, at);
    return next;
  }

  /** The case is already durable (closed) in its active file: copy it to history, then drop the file. */
  async #moveToHistory(record: CaseRecord, at: string): Promise<void> {
    await this.#locks.run(HISTORY_LOCK, () => this.#hist.put(record, at));
    await this.#removeActive(record.id);
    this.#active.delete(record.id);
  }

  /** A new open case file, written whole (whatever an older file of that name held). */
  async #writeActive(record: CaseRecord): Promise<void> {
    const doc = new Low<ActiveCaseDocument>(this.#adapter<ActiveCaseDocument>(path.join(this.#dir, activeFile(record.id)), undefined), { schemaVersion: ACTIVE_VERSION, case: record });
    await doc.write();
    this.#active.set(record.id, doc);
  }

  async #removeActive(id: string): Promise<void> {
    await new JournaledJsonFile<ActiveCaseDocument>(this.#journaled, this.#dir, path.join(this.#dir, activeFile(id))).remove();
  }

  /** Open cases and meta are written through the journal; the closed history directly. */
  #adapter<T>(absolute: string, onDisk: T | undefined): JournaledJsonFile<T> {
    const appendAt = path.dirname(path.relative(this.#dir, absolute)) === ACTIVE_DIR ? ['case', 'events'] : undefined;
    return new JournaledJsonFile<T>(this.#journaled, this.#dir, absolute, { appendAt, onDisk });
  }

  /** Ids are never reused: the counter stays above every id on disk. */
  async #reserveNumber(used: number): Promise<void> {
    await this.#locks.run(META_LOCK, async () => {
      const meta = this.#metaDoc;
      if (meta.data.nextNumber > used) return;
      const previous = meta.data;
      meta.data = { ...previous, nextNumber: used + 1 };
      await writeOrRevert(meta, previous);
    });
  }

  /** Reads only the highest index shard, so start-up stays flat in history size. */
  async #highestClosedNumber(): Promise<number> {
    const shards = (await readdir(path.join(this.#dir, INDEX_DIR))).filter((name) => /^[A-Z]+-\d+\.json$/.test(name));
    const top = shards.sort((a, b) => caseNumber(b.slice(0, -5)) - caseNumber(a.slice(0, -5)))[0];
    if (!top) return 0;
    const index = await this.#openDoc(path.join(INDEX_DIR, top), indexSchema, INDEX_VERSION, emptyIndex);
    return Math.max(0, ...Object.keys(index.data.entries).map(caseNumber));
  }

  async #allClosed(): Promise<CaseRecord[]> {
    return this.#locks.run(HISTORY_LOCK, async () => {
      const out: CaseRecord[] = [];
      for (const key of await this.#hist.partitionKeys()) out.push(...(await this.#hist.partitionCases(key)));
      return out;
    });
  }

  /** Moves a file whose content contradicts its name aside (never overwritten) and reports it. */
  async #setAside(file: string, why: string): Promise<void> {
    this.#damage(await setAside(path.join(this.#dir, file), why, { now: this.#clock.now(), latestBackup: (absolute) => latestBackupOf(this.#dir, absolute) }));
  }

  /** Damage is reported once found; after open() the listeners hear of it at once. */
  #damage(problem: CorruptFile): void {
    this.#corrupt.push(problem);
    if (this.#state !== 'open') return;
    for (const listener of this.#damageListeners) listener(problem);
  }

  async #openDoc<T extends { schemaVersion: number }>(file: string, schema: z.ZodType<T>, version: number, empty: () => T): Promise<Low<T>> {
    const { db } = await this.#openTracked(file, schema, version, empty);
    if (!db) throw new StoreError('STORE_CORRUPT', `${file} could not be opened.`);
    return db;
  }

  readonly #openHistoryDoc: OpenDoc = async (file, schema, version, empty, options) => {
    const opened = await this.#openTracked(file, schema, version, empty, options?.quiet === true);
    if (!opened.db) throw new StoreError('STORE_CORRUPT', `${file} could not be opened.`);
    return { db: opened.db, ...(opened.corrupt ? { corrupt: opened.corrupt } : {}) };
  };

  /** `quiet`: the caller reports the damage itself (the history summary, once rebuilt). */
  async #openTracked<T extends { schemaVersion: number }>(file: string, schema: z.ZodType<T>, version: number, empty?: () => T, quiet = false): Promise<OpenedDocument<T>> {
    const opened = await openDocument({
      path: path.join(this.#dir, file),
      schema,
      version,
      migrations: file === META_FILE ? metaMigrations : path.dirname(file) === INDEX_DIR ? indexMigrations : [],
      empty,
      now: () => this.#clock.now(),
      latestBackup: (absolute) => latestBackupOf(this.#dir, absolute),
      fs: nodeDurableFs,
      ...(file === META_FILE || path.dirname(file) === ACTIVE_DIR ? { adapter: (absolute: string, onDisk: T | undefined) => this.#adapter(absolute, onDisk) } : {}),
    });
    if (opened.corrupt && !quiet) this.#damage(opened.corrupt);
    if (opened.migrated) this.#migrated.push(opened.migrated);
    return opened;
  }

  get #hist(): History {
    if (!this.#history) throw new StoreError('STORE_NOT_OPEN', 'The case store is not open yet; call open() first.');
    return this.#history;
  }

  get #journaled(): Journal {
    if (!this.#journal) throw new StoreError('STORE_NOT_OPEN', 'The case store is not open yet; call open() first.');
    return this.#journal;
  }

  get #metaDoc(): Low<MetaDocument> {
    if (!this.#meta) throw new StoreError('STORE_NOT_OPEN', 'The case store is not open yet; call open() first.');
    return this.#meta;
  }

  #shared<T>(task: () => Promise<T>): Promise<T> {
    return this.#gate.shared(async () => {
      this.#assertOpen();
      return task();
    });
  }

  #exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.#gate.exclusive(async () => {
      this.#assertOpen();
      return task();
    });
  }

  #assertOpen(): void {
    if (this.#state === 'new') throw new StoreError('STORE_NOT_OPEN', 'The case store is not open yet; call open() first.');
    if (this.#state === 'closed') throw new StoreError('STORE_CLOSED', 'The case store is closed; nothing more can be read or written.');
  }
}

function unlessDamage(error: unknown): undefined {
  if (error instanceof StorageDamageError) return undefined;
  throw error;
}

async function writeOrRevert<T>(doc: Low<T>, previous: T): Promise<void> {
  try {
    await doc.write();
  } catch (error) {
    doc.data = previous;
    throw error;
  }
}
