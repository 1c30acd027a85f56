import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import type { CaseRecord } from '../../../src-shared/domain';
import { DurableJsonFile } from './durable-file';
import {
  ACTIVE_DIR,
  ACTIVE_VERSION,
  activeFile,
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
  type IndexDocument,
  type SummaryDocument,
} from './layout';
import { closedAt } from './timeline';

export interface Dataset {
  readonly prefix: string;
  readonly nextNumber: number;
  /** Closed cases must come in closing order (oldest first); open ones anywhere. */
  readonly cases: Iterable<CaseRecord>;
}

const PARALLEL_WRITES = 16;

/**
 * Writes a whole data directory in one pass (import staging, benchmark fixtures): the same
 * files the store writes one command at a time, each durable. Streams: only one partition of
 * cases is held at a time. `dir` must be empty.
 */
export async function writeDataset(dir: string, dataset: Dataset, partitionSize: number): Promise<void> {
  await mkdir(path.join(dir, ACTIVE_DIR), { recursive: true });
  await mkdir(path.join(dir, INDEX_DIR), { recursive: true });
  const pending = new Set<Promise<void>>();
  const put = async (file: string, data: unknown) => {
    const write = new DurableJsonFile(path.join(dir, file)).write(data);
    pending.add(write);
    void write.then(() => pending.delete(write), () => undefined);
    if (pending.size >= PARALLEL_WRITES) await Promise.race(pending);
  };

  const summary: SummaryDocument = { schemaVersion: SUMMARY_VERSION, partitions: {} };
  const indexes = new Map<string, IndexDocument>();
  let month = '';
  let chunk = 0;
  let members: CaseRecord[] = [];
  const flush = async () => {
    if (members.length === 0) return;
    const key = partitionKey(`${month}-01`, chunk);
    summary.partitions[key] = { count: members.length };
    await put(partitionFile(key), { schemaVersion: PARTITION_VERSION, cases: members });
    members = [];
  };

  let lastClosing = '';
  for (const record of dataset.cases) {
    const at = closedAt(record);
    if (at === undefined) {
      await put(activeFile(record.id), { schemaVersion: ACTIVE_VERSION, case: record });
      continue;
    }
    if (at < lastClosing) throw new Error(`writeDataset needs closed cases in closing order; ${record.id} closed before the one ahead of it`);
    lastClosing = at;
    if (at.slice(0, 7) !== month || members.length >= partitionSize) {
      await flush();
      chunk = at.slice(0, 7) === month ? chunk + 1 : 1;
      month = at.slice(0, 7);
    }
    members.push(record);
    const bucket = indexBucket(record.id);
    const index = indexes.get(bucket) ?? { schemaVersion: INDEX_VERSION, entries: {} };
    index.entries[record.id] = indexEntryOf(record, partitionKey(`${month}-01`, chunk), at);
    indexes.set(bucket, index);
  }
  await flush();
  for (const [bucket, index] of indexes) await put(indexFile(bucket), index);
  await put(SUMMARY_FILE, summary);
  await put(META_FILE, { schemaVersion: META_VERSION, prefix: dataset.prefix, nextNumber: dataset.nextNumber });
  await Promise.all(pending);
}
