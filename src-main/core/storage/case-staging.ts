import { link, mkdir, open, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { MAX_CASE_NUMBER, type CaseRecord } from '../../../src-shared/domain';
import type { CaseImportStaging } from '../ports';
import { isTempFileName } from './durable-file';
import { fsyncDirectory, isNotFound, nodeDurableFs } from './durable-fs';
import { StoreError } from './errors';
import {
  ACTIVE_DIR,
  ACTIVE_VERSION,
  activeFile,
  caseNumber,
  HISTORY_DIR,
  IMPORT_STAGING_DIR,
  INDEX_DIR,
  INDEX_VERSION,
  indexBucket,
  indexEntryOf,
  indexFile,
  META_FILE,
  META_VERSION,
  PARTITION_VERSION,
  partitionFile,
  partitionKey,
  SUMMARY_FILE,
  SUMMARY_VERSION,
  type ActiveCaseDocument,
  type IndexDocument,
  type PartitionDocument,
  type SummaryDocument,
} from './layout';
import { checkRecord, closedAt } from './timeline';

/** Index shards and history partitions kept in memory while staging; the rest is on disk. */
const CACHED_INDEXES = 16;
const CACHED_PARTITIONS = 8;
/** Files written at once, and their bytes at most; each is fsynced in the background while the import reads on. */
const WRITES_IN_FLIGHT = 16;
const BYTES_IN_FLIGHT = 4 * 1024 * 1024;

interface Cached<T> {
  readonly doc: T;
  dirty: boolean;
}

/**
 * A staged copy of the cases that an import of many cases writes into (docs/import.md): the
 * open cases and the history as they are, hard-linked into `import-staging/` (the store never
 * modifies a file in place, so a link is a copy that costs nothing), then changed a batch at a
 * time. New closed cases gather by closing month and go into new history partitions as each
 * fills; an index shard or partition being changed is held in a small cache and written back
 * when it leaves it. Every file is written under a temp name, renamed, and fsynced in the
 * background; `finish` waits for the last of them and the folders, so the commit marker that
 * follows finds the whole copy durable. Memory holds a batch, the caches and the month
 * buffers (at most `4 x partitionSize` cases), never the cases of the whole import.
 */
export class CaseStaging implements CaseImportStaging {
  readonly #dataDir: string;
  readonly #dir: string;
  readonly #partitionSize: number;
  readonly #open: Set<string>;
  readonly #indexes = new Map<string, Cached<IndexDocument>>();
  readonly #partitions = new Map<string, Cached<PartitionDocument>>();
  /** New closed cases not yet in a partition, by closing month ("2026-11"). */
  readonly #months = new Map<string, CaseRecord[]>();
  /** Where each of those waits: id -> month. */
  readonly #waiting = new Map<string, string>();
  #summary: SummaryDocument = { schemaVersion: SUMMARY_VERSION, partitions: {} };
  readonly #writes = new Set<Promise<void>>();
  /** Writes per file in order: a later content is renamed in after an earlier one. */
  readonly #tails = new Map<string, Promise<void>>();
  #bytesInFlight = 0;
  #queued = 0;
  #completed = 0;
  #failure: unknown;
  #highest = 0;
  #tempCounter = 0;

  private constructor(
    dataDir: string,
    readonly prefix: string,
    readonly nextNumber: number,
    partitionSize: number,
    open: Iterable<string>,
  ) {
    this.#dataDir = dataDir;
    this.#dir = path.join(dataDir, IMPORT_STAGING_DIR);
    this.#partitionSize = partitionSize;
    this.#open = new Set(open);
  }

  /** Links the current cases into a fresh staging folder. The store's journal must be empty (checkpointed). */
  static async begin(dataDir: string, counter: { prefix: string; nextNumber: number }, partitionSize: number, openIds: Iterable<string>): Promise<CaseStaging> {
    const staging = new CaseStaging(dataDir, counter.prefix, counter.nextNumber, partitionSize, openIds);
    await rm(staging.#dir, { recursive: true, force: true });
    for (const folder of [ACTIVE_DIR, HISTORY_DIR, INDEX_DIR]) await linkFolder(path.join(dataDir, folder), path.join(staging.#dir, folder));
    staging.#summary = (await staging.#read<SummaryDocument>(SUMMARY_FILE)) ?? staging.#summary;
    return staging;
  }

  /** Every case of the copy: the open ones, then each partition. */
  async eachCase(visit: (record: CaseRecord) => void): Promise<void> {
    for (const id of this.#open) {
      const doc = await this.#read<ActiveCaseDocument>(activeFile(id));
      if (doc) visit(doc.case);
    }
    for (const key of Object.keys(this.#summary.partitions).sort()) for (const record of (await this.#partition(key)).doc.cases) visit(record);
    for (const waiting of this.#months.values()) for (const record of waiting) visit(record);
  }

  async get(id: string): Promise<CaseRecord | undefined> {
    if (this.#open.has(id)) return (await this.#read<ActiveCaseDocument>(activeFile(id)))?.case;
    const month = this.#waiting.get(id);
    if (month !== undefined) return this.#months.get(month)?.find((record) => record.id === id);
    const entry = (await this.#index(id)).doc.entries[id];
    return entry ? (await this.#partition(entry.partition)).doc.cases.find((record) => record.id === id) : undefined;
  }

  async put(records: readonly CaseRecord[]): Promise<void> {
    this.#throwIfFailed();
    for (const candidate of records) {
      const record = checkRecord(candidate);
      const number = caseNumber(record.id);
      if (!record.id.startsWith(`${this.prefix}-`) || number > MAX_CASE_NUMBER) throw new StoreError('IMPORT_INVALID', `Case ${record.id} is not a case id of this store (${this.prefix}-…).`);
      this.#highest = Math.max(this.#highest, number);
      await this.#place(record);
      await this.#drain();
    }
    // Never more than four partitions' worth waiting for their month to fill.
    while (this.#waiting.size > 4 * this.#partitionSize) await this.#flushMonth(this.#fullestMonth());
    this.#throwIfFailed();
  }

  /** Writes what is still in memory and the counter, then waits until every staged file and folder is durable. */
  async finish(nextNumber: number, onProgress?: (done: number, total: number) => void): Promise<void> {
    if (nextNumber <= this.#highest) throw new StoreError('IMPORT_INVALID', `The counter ${nextNumber} is not above the imported case ${this.prefix}-${this.#highest}.`);
    for (const month of [...this.#months.keys()]) await this.#flushMonth(month);
    for (const [bucket, cached] of this.#indexes) if (cached.dirty) this.#write(indexFile(bucket), cached.doc);
    for (const [key, cached] of this.#partitions) if (cached.dirty) this.#write(partitionFile(key), cached.doc);
    this.#write(SUMMARY_FILE, this.#summary);
    this.#write(META_FILE, { schemaVersion: META_VERSION, prefix: this.prefix, nextNumber });
    onProgress?.(this.#completed, this.#queued);
    while (this.#writes.size > 0) {
      await Promise.race(this.#writes);
      this.#throwIfFailed();
      onProgress?.(this.#completed, this.#queued);
    }
    for (const folder of [ACTIVE_DIR, HISTORY_DIR, INDEX_DIR, '.']) await fsyncDirectory(nodeDurableFs, path.join(this.#dir, folder));
    await fsyncDirectory(nodeDurableFs, this.#dataDir);
  }

  /** Drops the copy: nothing of it was committed. */
  async discard(): Promise<void> {
    await Promise.allSettled([...this.#writes]);
    await rm(this.#dir, { recursive: true, force: true });
  }

  async #place(record: CaseRecord): Promise<void> {
    const { id } = record;
    const at = closedAt(record);
    const wasOpen = this.#open.has(id);
    const month = this.#waiting.get(id);
    if (month !== undefined) {
      const waiting = this.#months.get(month) ?? [];
      waiting.splice(waiting.findIndex((other) => other.id === id), 1);
      this.#waiting.delete(id);
    }
    const entry = wasOpen || month !== undefined ? undefined : (await this.#index(id)).doc.entries[id];
    if (at === undefined) {
      // Open (or reopened): its own file; out of history if it was there.
      if (entry) await this.#leaveHistory(id, entry.partition);
      this.#open.add(id);
      this.#write(activeFile(id), { schemaVersion: ACTIVE_VERSION, case: record });
      return;
    }
    if (wasOpen) {
      this.#open.delete(id);
      this.#remove(activeFile(id));
    }
    if (entry) {
      // Closed before and still: it stays in its partition.
      const partition = await this.#partition(entry.partition);
      const cases = partition.doc.cases;
      cases[cases.findIndex((other) => other.id === id)] = record;
      partition.dirty = true;
      const index = await this.#index(id);
      index.doc.entries[id] = indexEntryOf(record, entry.partition, at);
      index.dirty = true;
      return;
    }
    const key = at.slice(0, 7);
    const waiting = this.#months.get(key) ?? [];
    waiting.push(record);
    this.#months.set(key, waiting);
    this.#waiting.set(id, key);
    if (waiting.length >= this.#partitionSize) await this.#flushMonth(key);
  }

  async #leaveHistory(id: string, key: string): Promise<void> {
    const partition = await this.#partition(key);
    partition.doc.cases = partition.doc.cases.filter((other) => other.id !== id);
    partition.dirty = true;
    if (partition.doc.cases.length === 0) delete this.#summary.partitions[key];
    else this.#summary.partitions[key] = { count: partition.doc.cases.length };
    const index = await this.#index(id);
    delete index.doc.entries[id];
    index.dirty = true;
  }

  /** A month's waiting cases become a new partition of their own, after the month's last one. */
  async #flushMonth(month: string): Promise<void> {
    const cases = this.#months.get(month) ?? [];
    this.#months.delete(month);
    if (cases.length === 0) return;
    const last = Object.keys(this.#summary.partitions).filter((key) => key.startsWith(`${month}.`)).sort().at(-1);
    const key = partitionKey(`${month}-01`, last ? Number(last.slice(8)) + 1 : 1);
    this.#summary.partitions[key] = { count: cases.length };
    this.#write(partitionFile(key), { schemaVersion: PARTITION_VERSION, cases });
    for (const record of cases) {
      this.#waiting.delete(record.id);
      const index = await this.#index(record.id);
      index.doc.entries[record.id] = indexEntryOf(record, key, closedAt(record) ?? '');
      index.dirty = true;
    }
  }

  #fullestMonth(): string {
    let fullest = '';
    let size = -1;
    for (const [month, cases] of this.#months) if (cases.length > size) [fullest, size] = [month, cases.length];
    return fullest;
  }

  #index(id: string): Promise<Cached<IndexDocument>> {
    const bucket = indexBucket(id);
    return this.#cached(this.#indexes, bucket, CACHED_INDEXES, indexFile, () => ({ schemaVersion: INDEX_VERSION, entries: {} }));
  }

  #partition(key: string): Promise<Cached<PartitionDocument>> {
    return this.#cached(this.#partitions, key, CACHED_PARTITIONS, partitionFile, () => ({ schemaVersion: PARTITION_VERSION, cases: [] }));
  }

  /** Most recently used last; one that leaves the cache is written if it changed (and read back from the copy when needed again). */
  async #cached<T>(cache: Map<string, Cached<T>>, key: string, limit: number, fileOf: (key: string) => string, empty: () => T): Promise<Cached<T>> {
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const loaded: Cached<T> = { doc: (await this.#read<T>(fileOf(key))) ?? empty(), dirty: false };
    cache.set(key, loaded);
    if (cache.size > limit) {
      const [oldKey, old] = cache.entries().next().value as [string, Cached<T>];
      cache.delete(oldKey);
      if (old.dirty) this.#write(fileOf(oldKey), old.doc);
    }
    return loaded;
  }

  async #read<T>(file: string): Promise<T | undefined> {
    // A write of this file may still be on its way: its content is what the copy holds.
    await this.#tails.get(file);
    try {
      return JSON.parse(await readFile(path.join(this.#dir, file), 'utf8')) as T;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Queues a whole file of the copy: temp name, rename, fsync; never in place (the copy's files are links to the live ones). */
  #write(file: string, data: unknown): void {
    const text = JSON.stringify(data);
    this.#bytesInFlight += text.length;
    this.#queue(file, text.length, async () => {
      const target = path.join(this.#dir, file);
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.import-${++this.#tempCounter}.tmp`);
      await writeFile(temp, text, { mode: 0o600 });
      await rename(temp, target);
      const handle = await open(target, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
  }

  #remove(file: string): void {
    this.#queue(file, 0, async () => {
      await unlink(path.join(this.#dir, file)).catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
    });
  }

  #queue(file: string, bytes: number, task: () => Promise<void>): void {
    const run = (this.#tails.get(file) ?? Promise.resolve()).then(task);
    const settled = run.then(
      () => undefined,
      (error: unknown) => {
        this.#failure ??= error;
      },
    );
    this.#tails.set(file, settled);
    this.#writes.add(settled);
    this.#queued++;
    void settled.then(() => {
      this.#completed++;
      this.#bytesInFlight -= bytes;
      this.#writes.delete(settled);
      if (this.#tails.get(file) === settled) this.#tails.delete(file);
    });
  }

  #throwIfFailed(): void {
    if (this.#failure !== undefined) throw this.#failure;
  }

  /** Waits while too many files are on their way to the disk: what waits to be written is bounded too. */
  async #drain(): Promise<void> {
    while (this.#writes.size >= WRITES_IN_FLIGHT || (this.#bytesInFlight > BYTES_IN_FLIGHT && this.#writes.size > 0)) await Promise.race(this.#writes);
    this.#throwIfFailed();
  }
}

/** Hard-links every file of a folder (temp files left out) into a new one. */
async function linkFolder(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  let names: string[];
  try {
    names = await readdir(from, { withFileTypes: true }).then((entries) => entries.filter((entry) => entry.isFile() && !isTempFileName(entry.name)).map((entry) => entry.name));
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
  for (const name of names) await link(path.join(from, name), path.join(to, name));
}
