import * as path from 'node:path';
import { z } from 'zod';
import { caseRecordSchema, caseSummarySchema, isoInstantSchema, nextCaseNumberSchema, summaryOf, type CaseRecord, type CaseSummary } from '../../../src-shared/domain';
import type { Migration } from './document';

/**
 * The data directory, one small lowdb file per thing a command touches:
 *
 *   meta.json                 id counter
 *   active/RD-1001.json       one open case per file: an append rewrites ~5 KB, not 500 cases
 *   history/2026-11.001.json  closed cases, by closing month, at most `partitionSize` each
 *   history/index/RD-1.json   id -> partition and closedAt, for RD-1000..RD-1999
 *   history/summary.json      case count per partition (paging without reading partitions)
 *   backups/2026-11-26/       daily snapshots (hard links, as every write makes a new file)
 */
export const META_FILE = 'meta.json';
export const ACTIVE_DIR = 'active';
export const HISTORY_DIR = 'history';
export const INDEX_DIR = path.join(HISTORY_DIR, 'index');
export const SUMMARY_FILE = path.join(HISTORY_DIR, 'summary.json');
export const BACKUPS_DIR = 'backups';
export const IMPORT_STAGING_DIR = 'import-staging';
export const IMPORT_COMMIT_FILE = 'import-commit.json';
/** The case store's own entries. */
export const DATA_ENTRIES = [META_FILE, ACTIVE_DIR, HISTORY_DIR] as const;
/** The other documents of the data directory, kept by the settings, review and runtime modules. */
export const SETTINGS_FILE = 'settings.json';
export const REVIEWS_DIR = 'reviews';
export const RUNTIME_STATE_FILE = 'runtime-state.json';
/** All user data: what a daily snapshot keeps and what an import replaces. */
export const BACKUP_ENTRIES = [...DATA_ENTRIES, SETTINGS_FILE, REVIEWS_DIR, RUNTIME_STATE_FILE] as const;

export const CASE_ID_PREFIX = 'RD';
export const FIRST_CASE_NUMBER = 1001;
const INDEX_BUCKET = 1000;

export function caseNumber(id: string): number {
  return Number(id.slice(id.lastIndexOf('-') + 1));
}

export function activeFile(id: string): string {
  return path.join(ACTIVE_DIR, `${id}.json`);
}

/** Partition key: closing month plus a chunk number, e.g. "2026-11.001". */
export function partitionFile(key: string): string {
  return path.join(HISTORY_DIR, `${key}.json`);
}

export function partitionKey(closedAt: string, chunk: number): string {
  return `${closedAt.slice(0, 7)}.${String(chunk).padStart(3, '0')}`;
}

export function indexBucket(id: string): string {
  return `${id.slice(0, id.lastIndexOf('-'))}-${Math.floor(caseNumber(id) / INDEX_BUCKET)}`;
}

export function indexFile(bucket: string): string {
  return path.join(INDEX_DIR, `${bucket}.json`);
}

/* meta.json. Version 1 kept the last id handed out as text ("RD-1007", or null before the
   first); version 2 keeps the next number, so allocation is arithmetic, not parsing. */
export const META_VERSION = 2;
export const metaSchema = z.object({
  schemaVersion: z.literal(META_VERSION),
  prefix: z.string().regex(/^[A-Z]+$/, 'prefix is capital letters, like RD'),
  nextNumber: nextCaseNumberSchema,
});
export type MetaDocument = z.infer<typeof metaSchema>;
export const metaMigrations: readonly Migration[] = [
  {
    from: 1,
    migrate({ lastIssued }) {
      if (lastIssued === null || lastIssued === undefined) return { prefix: CASE_ID_PREFIX, nextNumber: FIRST_CASE_NUMBER };
      const match = typeof lastIssued === 'string' ? /^([A-Z]+)-(\d+)$/.exec(lastIssued) : null;
      if (!match) throw new Error(`lastIssued ${JSON.stringify(lastIssued)} is not a case id like RD-1001`);
      return { prefix: match[1], nextNumber: Number(match[2]) + 1 };
    },
  },
];
export const emptyMeta = (): MetaDocument => ({ schemaVersion: META_VERSION, prefix: CASE_ID_PREFIX, nextNumber: FIRST_CASE_NUMBER });

export const ACTIVE_VERSION = 1;
export const activeCaseSchema = z.object({ schemaVersion: z.literal(ACTIVE_VERSION), case: caseRecordSchema });
export type ActiveCaseDocument = z.infer<typeof activeCaseSchema>;

export const PARTITION_VERSION = 1;
export const partitionSchema = z.object({ schemaVersion: z.literal(PARTITION_VERSION), cases: z.array(caseRecordSchema) });
export type PartitionDocument = z.infer<typeof partitionSchema>;
export const emptyPartition = (): PartitionDocument => ({ schemaVersion: PARTITION_VERSION, cases: [] });

/* history/index/*.json. Version 1 kept where a closed case is (partition, closedAt); version 2
   also keeps its summary (title, customer, plan, severity, owner, logged and updated times), so a
   list over every case reads the index, never the partitions. A version 1 entry has no summary:
   the migration only renumbers, and the first list over the shard fills its summaries in from the
   partitions and writes the shard back (History.summariesOf). */
export const INDEX_VERSION = 2;
export const indexedSummarySchema = caseSummarySchema.omit({ id: true, status: true, closedAt: true });
export type IndexedSummary = z.infer<typeof indexedSummarySchema>;
export const indexEntrySchema = z.object({ partition: z.string().min(1), closedAt: isoInstantSchema, summary: indexedSummarySchema.optional() });
export type IndexEntry = z.infer<typeof indexEntrySchema>;
export const indexSchema = z.object({ schemaVersion: z.literal(INDEX_VERSION), entries: z.record(z.string(), indexEntrySchema) });
export type IndexDocument = z.infer<typeof indexSchema>;
export const emptyIndex = (): IndexDocument => ({ schemaVersion: INDEX_VERSION, entries: {} });
export const indexMigrations: readonly Migration[] = [{ from: 1, migrate: (document) => document }];
/** What verify accepts on disk: a shard not read since the upgrade is still version 1. */
export const indexOnDiskSchema = z.union([indexSchema, z.object({ schemaVersion: z.literal(1), entries: z.record(z.string(), indexEntrySchema.omit({ summary: true })) })]);

/** The index entry of a closed case. */
export function indexEntryOf(record: CaseRecord, partition: string, closedAt: string): IndexEntry {
  const { title, customer, plan, severity, owner, loggedAt, updatedAt } = summaryOf(record);
  return { partition, closedAt, summary: { title, customer, plan, severity, owner, loggedAt, updatedAt } };
}

/** A closed case's summary back from its index entry. */
export function summaryOfEntry(id: string, entry: IndexEntry & { summary: IndexedSummary }): CaseSummary {
  return { id, ...entry.summary, status: 'closed', closedAt: entry.closedAt };
}

export const SUMMARY_VERSION = 1;
export const summarySchema = z.object({
  schemaVersion: z.literal(SUMMARY_VERSION),
  partitions: z.record(z.string(), z.object({ count: z.number().int().nonnegative() })),
});
export type SummaryDocument = z.infer<typeof summarySchema>;
export const emptySummary = (): SummaryDocument => ({ schemaVersion: SUMMARY_VERSION, partitions: {} });
