import type { Low } from 'lowdb';
import type { CaseRecord, CaseSummary } from '../../../src-shared/domain';
import {
  emptyIndex,
  emptyPartition,
  emptySummary,
  indexBucket,
  indexEntryOf,
  indexFile,
  indexSchema,
  INDEX_VERSION,
  partitionFile,
  partitionKey,
  partitionSchema,
  PARTITION_VERSION,
  summaryOfEntry,
  summarySchema,
  SUMMARY_FILE,
  SUMMARY_VERSION,
  type IndexDocument,
  type IndexEntry,
  type PartitionDocument,
  type SummaryDocument,
} from './layout';
import type { z } from 'zod';
import type { CorruptFile } from './document';
import { StorageDamageError } from './errors';

/** Opens one document of the data directory by relative path; a damaged one opens empty, with what was wrong. */
export type OpenDoc = <T extends { schemaVersion: number }>(
  file: string,
  schema: z.ZodType<T>,
  version: number,
  empty: () => T,
  options?: { readonly quiet?: boolean },
) => Promise<{ db: Low<T>; corrupt?: CorruptFile }>;

export interface HistoryOptions {
  readonly partitionSize: number;
  readonly cacheSize: number;
  /** The partition keys of the files in history/ ("2026-11.001"), whatever the summary says. */
  readonly partitionKeysOnDisk: () => Promise<string[]>;
  /** The summary was damaged (kept aside) and has been rebuilt from the partitions. */
  readonly onSummaryRebuilt: (problem: CorruptFile) => void;
}

/** Keeps the most recently used documents; older ones are dropped (re-read on demand). */
class Lru<T> {
  readonly #items = new Map<string, T>();
  constructor(readonly limit: number) {}
  get(key: string): T | undefined {
    const item = this.#items.get(key);
    if (item !== undefined) {
      this.#items.delete(key);
      this.#items.set(key, item);
    }
    return item;
  }
  set(key: string, item: T): void {
    this.#items.set(key, item);
    if (this.#items.size > this.limit) this.#items.delete(this.#items.keys().next().value as string);
  }
}

/**
 * The closed cases, read lazily: nothing here is touched at start-up. Callers serialize all
 * calls (one history lock), so a cached document is never written by two tasks at once.
 * Recovery after a crash is driven by the active file of a case being moved (see the store):
 * a put writes the index first, a remove writes it last, so a redo finds the same partition.
 */
export class History {
  readonly #open: OpenDoc;
  readonly #partitionSize: number;
  readonly #partitions: Lru<Low<PartitionDocument>>;
  readonly #indexes: Lru<Low<IndexDocument>>;
  readonly #options: HistoryOptions;
  /** Partitions found damaged in this run (kept aside, opened empty): partition key -> why. */
  readonly #damaged = new Map<string, string>();
  #summary: Low<SummaryDocument> | undefined;

  constructor(open: OpenDoc, options: HistoryOptions) {
    this.#open = open;
    this.#options = options;
    this.#partitionSize = options.partitionSize;
    this.#partitions = new Lru(options.cacheSize);
    this.#indexes = new Lru(options.cacheSize);
  }

  async locate(id: string): Promise<IndexEntry | undefined> {
    return (await this.#index(id)).data.entries[id];
  }

  /** A closed case; one indexed to a partition found damaged is refused (StorageDamageError), never answered as unknown. */
  async read(id: string): Promise<CaseRecord | undefined> {
    const entry = await this.locate(id);
    if (!entry) return undefined;
    const record = (await this.#partition(entry.partition)).data.cases.find((c) => c.id === id);
    const damage = this.#damaged.get(entry.partition);
    if (!record && damage !== undefined) throw new StorageDamageError(partitionFile(entry.partition), `${damage}; closed case ${id} was kept in it`);
    return record;
  }

  /** Adds or replaces a closed case; a case already in history stays in its partition. */
  async put(record: CaseRecord, closedAt: string): Promise<void> {
    const index = await this.#index(record.id);
    const key = index.data.entries[record.id]?.partition ?? (await this.#chunkFor(closedAt));
    // The index first: a put cut short and redone after a crash then lands in the same partition.
    index.data.entries[record.id] = indexEntryOf(record, key, closedAt);
    await index.write();
    const partition = await this.#partition(key);
    const cases = partition.data.cases;
    const at = cases.findIndex((c) => c.id === record.id);
    if (at >= 0) cases[at] = record;
    else cases.push(record);
    await partition.write();
    await this.#count(key, cases.length);
  }

  async remove(id: string): Promise<void> {
    const index = await this.#index(id);
    const entry = index.data.entries[id];
    if (!entry) return;
    const partition = await this.#partition(entry.partition);
    const before = partition.data.cases.length;
    partition.data.cases = partition.data.cases.filter((c) => c.id !== id);
    if (partition.data.cases.length !== before) await partition.write();
    await this.#count(entry.partition, partition.data.cases.length);
    delete index.data.entries[id];
    await index.write();
  }

  /** Newest closing month first; within a partition, newest closure first. */
  async page(limit: number, offset: number): Promise<{ total: number; cases: CaseRecord[] }> {
    const summary = await this.#summaryDoc();
    const keys = Object.keys(summary.data.partitions).sort().reverse();
    const total = keys.reduce((sum, key) => sum + summary.data.partitions[key].count, 0);
    const cases: CaseRecord[] = [];
    let skip = offset;
    for (const key of keys) {
      if (cases.length >= limit) break;
      const count = summary.data.partitions[key].count;
      if (skip >= count) {
        skip -= count;
        continue;
      }
      const sorted = [...(await this.#partition(key)).data.cases].sort((a, b) => closedKey(b).localeCompare(closedKey(a)));
      cases.push(...sorted.slice(skip, skip + limit - cases.length));
      skip = 0;
    }
    return { total, cases };
  }

  /**
   * The summaries of the closed cases indexed in one shard ("RD-51"). Entries written before the
   * index kept summaries are filled in from their partitions, and the shard written back once.
   */
  async summariesOf(bucket: string): Promise<CaseSummary[]> {
    const index = await this.#indexOf(bucket);
    const missing = new Map<string, string[]>();
    for (const [id, entry] of Object.entries(index.data.entries)) {
      if (entry.summary) continue;
      const ids = missing.get(entry.partition) ?? [];
      ids.push(id);
      missing.set(entry.partition, ids);
    }
    if (missing.size > 0) {
      for (const [key, ids] of missing) {
        const cases = new Map((await this.#partition(key)).data.cases.map((record) => [record.id, record]));
        for (const id of ids) {
          const record = cases.get(id);
          const entry = index.data.entries[id];
          // An entry whose partition lost the case is a removal cut short: the store settles it at open.
          if (record && entry) index.data.entries[id] = indexEntryOf(record, entry.partition, entry.closedAt);
        }
      }
      await index.write();
    }
    const out: CaseSummary[] = [];
    for (const [id, entry] of Object.entries(index.data.entries)) if (entry.summary) out.push(summaryOfEntry(id, { ...entry, summary: entry.summary }));
    return out;
  }

  /** Every partition key that holds cases (export, verify). */
  async partitionKeys(): Promise<string[]> {
    return Object.keys((await this.#summaryDoc()).data.partitions).sort();
  }

  async partitionCases(key: string): Promise<readonly CaseRecord[]> {
    return (await this.#partition(key)).data.cases;
  }

  async #chunkFor(closedAt: string): Promise<string> {
    const summary = (await this.#summaryDoc()).data.partitions;
    const month = closedAt.slice(0, 7);
    const chunks = Object.keys(summary).filter((key) => key.startsWith(`${month}.`)).sort();
    const last = chunks.at(-1);
    // Never into a partition found damaged: its restore from backup would drop what was added.
    if (last && !this.#damaged.has(last) && summary[last].count < this.#partitionSize) return last;
    return partitionKey(closedAt, last ? Number(last.slice(8)) + 1 : 1);
  }

  async #count(key: string, count: number): Promise<void> {
    const summary = await this.#summaryDoc();
    if (count === 0) delete summary.data.partitions[key];
    else summary.data.partitions[key] = { count };
    await summary.write();
  }

  async #summaryDoc(): Promise<Low<SummaryDocument>> {
    this.#summary ??= await this.#openSummary();
    return this.#summary;
  }

  /**
   * The summary only counts what the partitions hold, so it is made again from them (and written
   * back) when it is damaged (kept aside, reported as rebuilt) or missing while partitions hold
   * cases (a first closing cut short by a crash, or a lost file: nothing to report, nothing is
   * missing). The history, its paging and the export never see 0 cases where there are some.
   */
  async #openSummary(): Promise<Low<SummaryDocument>> {
    const { db, corrupt } = await this.#open(SUMMARY_FILE, summarySchema, SUMMARY_VERSION, emptySummary, { quiet: true });
    if (!corrupt && Object.keys(db.data.partitions).length > 0) return db;
    const partitions: SummaryDocument['partitions'] = {};
    let cases = 0;
    for (const key of await this.#options.partitionKeysOnDisk()) {
      const count = (await this.#partition(key)).data.cases.length;
      if (count > 0) partitions[key] = { count };
      cases += count;
    }
    if (!corrupt && cases === 0) return db;
    db.data = { schemaVersion: SUMMARY_VERSION, partitions };
    await db.write();
    if (corrupt) {
      const files = Object.keys(partitions).length;
      this.#options.onSummaryRebuilt({ ...corrupt, repaired: `rebuilt from the ${files} history ${files === 1 ? 'file' : 'files'} (${cases} closed ${cases === 1 ? 'case' : 'cases'}); nothing is missing` });
    }
    return db;
  }

  #index(id: string): Promise<Low<IndexDocument>> {
    return this.#indexOf(indexBucket(id));
  }

  async #indexOf(bucket: string): Promise<Low<IndexDocument>> {
    let doc = this.#indexes.get(bucket);
    if (!doc) {
      doc = (await this.#open(indexFile(bucket), indexSchema, INDEX_VERSION, emptyIndex)).db;
      this.#indexes.set(bucket, doc);
    }
    return doc;
  }

  async #partition(key: string): Promise<Low<PartitionDocument>> {
    let doc = this.#partitions.get(key);
    if (!doc) {
      const opened = await this.#open(partitionFile(key), partitionSchema, PARTITION_VERSION, emptyPartition);
      if (opened.corrupt) this.#damaged.set(key, opened.corrupt.reason);
      doc = opened.db;
      this.#partitions.set(key, doc);
    }
    return doc;
  }
}

function closedKey(record: CaseRecord): string {
  for (let i = record.events.length - 1; i >= 0; i--) if (record.events[i].type === 'closed') return record.events[i].at;
  return '';
}
